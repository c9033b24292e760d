package dev.graft.core.provenance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The versions and machine facts that can change a trial's numbers.
 *
 * @param graft Graft's version
 * @param java Java's version and vendor
 * @param os operating system, version and architecture
 * @param cores available processors
 * @param djl DJL's version
 * @param engine the engine's name and version
 * @param onednnMaxCpuIsa {@code ONEDNN_MAX_CPU_ISA}, or {@code unset}: oneDNN's kernel choice changes results
 * @param intraOpThreads PyTorch's threads inside one operation (null on other engines): changes results too
 * @param atenCpuCapability {@code ATEN_CPU_CAPABILITY}, or {@code unset}: which vector code PyTorch's own kernels run
 *     (AVX2 or AVX-512) changes results; null in records made before it was recorded
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvironmentProvenance(String graft, String java, String os, String cores, String djl, String engine, String onednnMaxCpuIsa,
        String intraOpThreads, String atenCpuCapability) {}
