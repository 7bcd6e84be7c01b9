package org.rlsblog;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTests {

    @Test
    void keepsFeaturePackagesFreeOfCyclesAndInternalAccess() {
        ApplicationModules.of(RlsBlogApplication.class).verify();
    }
}
