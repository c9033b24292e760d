package dev.graft.core.provenance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Which plugin made a trial's component.
 *
 * @param type the {@code type:} name
 * @param factory the factory's class name
 * @param version the version of the jar the factory came from ({@code unpackaged} from class directories)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PluginProvenance(String type, String factory, String version) {}
