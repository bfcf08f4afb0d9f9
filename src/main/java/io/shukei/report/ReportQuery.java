package io.shukei.report;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;

import io.shukei.tally.Policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** What every form of a report is asked with: the node, the policy and the language of the file forms. */
public class ReportQuery {

    @QueryParam("unitId")
    @Parameter(description = "Node to tally; defaults to the round's scope", example = "2")
    @Min(1)
    @Max(Long.MAX_VALUE)
    public Long unitId;

    /** Checked by the service, which names the allowed values in its 400. */
    @QueryParam("policy")
    @Parameter(description = "Defaults to the round's", schema = @Schema(implementation = Policy.class))
    public String policy;

    @QueryParam("lang")
    @Parameter(description = "Language of CSV, xlsx and HTML; overrides Accept-Language",
            schema = @Schema(enumeration = {"ja", "en"}))
    public String lang;

    @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
    @Parameter(description = "ja or en (with q-values) for CSV, xlsx and HTML when lang is not given", example = "en")
    @Size(max = 200)
    public String acceptLanguage;
}
