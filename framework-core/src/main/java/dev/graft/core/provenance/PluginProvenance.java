package dev.graft.core.provenance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Which plugin made a trial's component.
 *
 * @param type the {@code type:} name
 * @param factory the factory's class name
 * @param version the version of the jar the factory came from ({@code unpackaged} from class directories)
 * @param sha256 the SHA-256 of the plugin jar when it came from the plugin path (outside Graft's
 *     class path), else null and left out of the JSON (as in records made before December 2026)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PluginProvenance(String type, String factory, String version,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String sha256) {}
