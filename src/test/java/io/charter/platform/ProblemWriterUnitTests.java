package io.charter.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

class ProblemWriterUnitTests {

	// As the application's mapper is configured: Spring Boot adds Spring's problem-detail mix-in.
	private final JsonMapper json = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
			.build();
	private final ProblemWriter problems = new ProblemWriter(json);

	@Test
	void writesTheProblemAsProblemJsonWithItsStatus() throws Exception {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "Your roles do not allow \"this\".");
		problem.setInstance(ProblemWriter.instance("/api/v1/x"));
		problem.setProperty("errors", List.of(Map.of("field", "name", "message", "required")));
		MockHttpServletResponse response = new MockHttpServletResponse();

		problems.write(response, problem);

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
		assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
		@SuppressWarnings("unchecked")
		Map<String, Object> body = json.readValue(response.getContentAsByteArray(), Map.class);
		assertThat(body).containsOnlyKeys("type", "title", "status", "detail", "instance", "errors")
				.containsEntry("type", "about:blank").containsEntry("title", "Forbidden").containsEntry("status", 403)
				.containsEntry("detail", "Your roles do not allow \"this\".").containsEntry("instance", "/api/v1/x")
				.containsEntry("errors", List.of(Map.of("field", "name", "message", "required")));
	}

	@Test
	void writesAProblemSerializedOnceAsOften() throws Exception {
		byte[] body = problems.body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, "Try again."));
		MockHttpServletResponse first = new MockHttpServletResponse();
		MockHttpServletResponse second = new MockHttpServletResponse();

		problems.write(first, 503, body);
		problems.write(second, 503, body);

		assertThat(second.getContentAsByteArray()).isEqualTo(first.getContentAsByteArray()).isEqualTo(body);
		assertThat(second.getStatus()).isEqualTo(503);
	}

	@Test
	void keepsOnlyTheSafeCharactersOfAPathAsTheInstance() {
		assertThat(ProblemWriter.instance("/c/site/consents;%ZZ\"<x>")).hasToString("/c/site/consentsZZx");
	}
}
