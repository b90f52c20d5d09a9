package dev.rustwheel.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleReachTest {

    @ParameterizedTest(name = "mvn {0} (finalize bound: {1}) -> finalize follows: {2}")
    @CsvSource({
            "package,                  true,  false",
            "clean package,            true,  false",
            "prepare-package,          true,  false",
            "integration-test,         true,  false",
            "verify,                   true,  true",
            "clean install,            true,  true",
            "deploy,                   true,  true",
            "install,                  false, false",
            "rustwheel:package,        true,  false",
            "package rustwheel:finalize, true, false",
    })
    void finalizeFollowsOnlyWhenVerifyIsReachedAndBound(String tasks, boolean bound, boolean expected) {
        assertEquals(expected, LifecycleReach.finalizeFollows(List.of(tasks.split(" ")), bound));
    }
}
