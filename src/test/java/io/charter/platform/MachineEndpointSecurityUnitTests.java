package io.charter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import jakarta.servlet.Filter;

/** One chain serves every machine endpoint, so a contribution's credential filter must not read other paths. */
class MachineEndpointSecurityUnitTests {

	@Test
	void aContributionsCredentialFilterRunsOnItsOwnPathsOnly() throws Exception {
		List<String> read = new ArrayList<>();
		Filter bearer = (request, response, chain) -> {
			read.add(((MockHttpServletRequest) request).getRequestURI());
			chain.doFilter(request, response);
		};
		var onScim = new MachineEndpointSecurity.OnPaths(PathPatternRequestMatcher.withDefaults().matcher("/scim/**"),
				bearer);

		MockFilterChain scimChain = new MockFilterChain();
		onScim.doFilter(new MockHttpServletRequest("GET", "/scim/v2/Users"), new MockHttpServletResponse(), scimChain);
		MockFilterChain osqueryChain = new MockFilterChain();
		onScim.doFilter(new MockHttpServletRequest("POST", "/osquery/enroll"), new MockHttpServletResponse(),
				osqueryChain);

		assertThat(read).containsExactly("/scim/v2/Users");
		assertThat(scimChain.getRequest()).as("the SCIM request went on").isNotNull();
		assertThat(osqueryChain.getRequest()).as("the osquery request went on, unread").isNotNull();
	}
}
