package com.outsidein.journeys.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Every example of RFC 7396 Appendix A, in the RFC's order; plain JUnit. */
class JsonMergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"a":"b"}                  | {"a":"c"}                   | {"a":"c"}
            {"a":"b"}                  | {"b":"c"}                   | {"a":"b","b":"c"}
            {"a":"b"}                  | {"a":null}                  | {}
            {"a":"b","b":"c"}          | {"a":null}                  | {"b":"c"}
            {"a":["b"]}                | {"a":"c"}                   | {"a":"c"}
            {"a":"c"}                  | {"a":["b"]}                 | {"a":["b"]}
            {"a":{"b":"c"}}            | {"a":{"b":"d","c":null}}    | {"a":{"b":"d"}}
            {"a":[{"b":"c"}]}          | {"a":[1]}                   | {"a":[1]}
            ["a","b"]                  | ["c","d"]                   | ["c","d"]
            {"a":"b"}                  | ["c"]                       | ["c"]
            {"a":"foo"}                | null                        | null
            {"a":"foo"}                | "bar"                       | "bar"
            {"e":null}                 | {"a":1}                     | {"e":null,"a":1}
            [1,2]                      | {"a":"b","c":null}          | {"a":"b"}
            {}                         | {"a":{"bb":{"ccc":null}}}   | {"a":{"bb":{}}}
            """)
    void followsAppendixA(String original, String patch, String expected) throws Exception {
        assertEquals(JSON.readTree(expected), JsonMergePatch.merge(JSON.readTree(original), JSON.readTree(patch)));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"a":null}                 | {"a":{"b":1,"c":null}}      | {"a":{"b":1}}
            {"a":"text"}               | {"a":{"b":{"c":null}}}      | {"a":{"b":{}}}
            {}                         | {"a":{"b":null}}            | {"a":{}}
            """)
    void anObjectPatchedIntoAMissingOrNonObjectMemberKeepsNoNulls(String original, String patch, String expected)
            throws Exception {
        JsonNode result = JsonMergePatch.merge(JSON.readTree(original), JSON.readTree(patch));
        assertEquals(JSON.readTree(expected), result);
    }
}
