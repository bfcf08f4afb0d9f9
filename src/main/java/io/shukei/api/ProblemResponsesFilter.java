package io.shukei.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;

/** Declares on every API operation the problems any request can meet, so no operation forgets them. */
public class ProblemResponsesFilter implements OASFilter {

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() != null) {
            operation.getResponses().addAPIResponse("500", OASFactory.createAPIResponse().ref("InternalError"));
            operation.getResponses().addAPIResponse("503", OASFactory.createAPIResponse().ref("ServiceUnavailable"));
        }
        return operation;
    }
}
