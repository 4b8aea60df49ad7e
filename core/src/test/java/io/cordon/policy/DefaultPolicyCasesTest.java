package io.cordon.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default CDMO policy against its own test file (policies/cdmo-default-cases.yaml), one test
 * per case, as Ranger runs its policy-engine JSON cases.
 */
class DefaultPolicyCasesTest {
  private static final PolicySet POLICY = PolicySet.defaults();

  static List<PolicyCase> cases() throws IOException {
    try (InputStream in =
        DefaultPolicyCasesTest.class.getResourceAsStream("/policies/cdmo-default-cases.yaml")) {
      return PolicyCase.parseAll(new YAMLMapper().readTree(in));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decide_defaultPolicyCase_asExpected(PolicyCase c) {
    assertThat(c.check(POLICY)).isEqualTo(Optional.empty());
  }
}
