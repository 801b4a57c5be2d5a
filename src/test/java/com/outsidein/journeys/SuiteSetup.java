package com.outsidein.journeys;

import io.quarkus.test.junit.callback.QuarkusTestBeforeClassCallback;
import io.restassured.RestAssured;

/** Installs the suite's REST Assured filters once, in the class loader the tests run in. */
public class SuiteSetup implements QuarkusTestBeforeClassCallback {

    @Override
    public void beforeClass(Class<?> testClass) {
        if (RestAssured.filters().stream().noneMatch(TestKeys.DefaultKeyFilter.class::isInstance)) {
            RestAssured.filters(new TestKeys.DefaultKeyFilter());
        }
        if (RestAssured.filters().stream().noneMatch(ContractValidationFilter.class::isInstance)) {
            RestAssured.filters(new ContractValidationFilter());
        }
    }
}
