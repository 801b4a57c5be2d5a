package com.outsidein.journeys.problem;

import java.util.Set;

/** The methods each request path allows, so the mapper can answer 405 with {@code Allow} instead of JAX-RS's 404. */
public interface AllowedMethods {

    /** The methods allowed on a request path; empty when no resource matches it. */
    Set<String> allowed(String path);
}
