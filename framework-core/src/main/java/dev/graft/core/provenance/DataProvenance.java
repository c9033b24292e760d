package dev.graft.core.provenance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The target data a trial trained and was tested on.
 *
 * @param origin where the training pool came from
 * @param checksum the pool's checksum
 * @param classes class names, in label order
 * @param trainExamples labelled examples drawn for training
 * @param validationExamples of which held out for validation
 * @param testExamples test examples scored
 * @param testOrigin where the test split came from
 * @param testChecksum the test split's checksum
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataProvenance(String origin, String checksum, List<String> classes, int trainExamples, int validationExamples,
        int testExamples, String testOrigin, String testChecksum) {}
