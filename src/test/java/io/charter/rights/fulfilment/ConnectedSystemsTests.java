package io.charter.rights.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.charter.Fixtures;
import io.charter.rights.RightsTestBase;
import io.charter.rights.RightsTestSetup;
import io.charter.rights.WebhookReceiver;
import io.charter.shared.Role;
import io.charter.shared.WebhookSignature;

/**
 * Other systems connected for erasures: a signed webhook, retried with backoff, a signed callback,
 * and no completion before every system reported or staff closed it with a reason.
 */
class ConnectedSystemsTests extends RightsTestBase {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

	@Autowired
	ConnectedSystems systems;

	MockHttpSession officer;

	UUID verifiedErasure(LocalDate today) throws Exception {
		RightsTestSetup.CLOCK.set(today.atTime(10, 0).atZone(BRUSSELS).toInstant());
		officer = Fixtures.signIn(mvc, fixtures.user(Role.PRIVACY).email(), Fixtures.PASSWORD);
		String body = mvc.perform(post("/api/v1/rights/requests").session(officer).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"type": "ERASURE", "name": "Carla", "email": "%s", "channel": "EMAIL", "visitorId": "vis-carla"}"""
						.formatted(Fixtures.uniqueEmail("carla"))))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
		act(id, "verify", "text", "reply from the address on file");
		return id;
	}

	void act(UUID id, String action, String... params) throws Exception {
		var request = post("/rights/requests/" + id + "/" + action).session(officer).with(csrf());
		for (int i = 0; i < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		mvc.perform(request).andExpect(redirectedUrl("/rights/requests/" + id))
				.andExpect(flash().attribute("notice", "rights.done." + action));
	}

	String task(UUID requestId) {
		return jdbc.sql("select status || ' ' || attempts from rights_system_task where request_id = :id")
				.param("id", requestId).query(String.class).single();
	}

	ResultActions callback(String taskId, String json, Instant at, String secret) throws Exception {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		return mvc.perform(post("/api/v1/rights/callbacks/" + taskId).contentType(MediaType.APPLICATION_JSON).content(body)
				.header("X-Charter-Timestamp", String.valueOf(at.getEpochSecond()))
				.header("X-Charter-Signature", WebhookSignature.sign(secret, at.getEpochSecond(), body)));
	}

	@Test
	void notifiesTheSystemSignedRetriesWithBackoffAndWaitsForItsReport() throws Exception {
		UUID id = verifiedErasure(LocalDate.of(2024, 5, 6));
		mvc.perform(get("/rights/requests/" + id).session(officer))
				.andExpect(content().string(containsString("Connected systems")))
				.andExpect(content().string(containsString("not notified")));
		mvc.perform(post("/rights/requests/" + id + "/complete").session(officer).with(csrf()).param("text", "Done"))
				.andExpect(flash().attribute("failure", containsString("Waiting for connected systems to report: crm")));

		CRM.answer(503);
		act(id, "notify-systems");
		systems.deliverDue();
		assertThat(task(id)).isEqualTo("PENDING 1");
		systems.deliverDue();
		assertThat(CRM.about(id.toString())).as("not due again before the backoff").hasSize(1);
		RightsTestSetup.CLOCK.advance(Duration.ofSeconds(61));
		systems.deliverDue();
		assertThat(task(id)).isEqualTo("DELIVERED 2");

		WebhookReceiver.Delivery delivery = CRM.about(id.toString()).get(1);
		String taskId = delivery.header("X-Charter-Delivery");
		byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
		assertThat(WebhookSignature.valid(CRM_SECRET, delivery.header("X-Charter-Timestamp"),
				delivery.header("X-Charter-Signature"), body, RightsTestSetup.CLOCK.instant(), Duration.ofMinutes(5))).isTrue();
		assertThat(WebhookSignature.valid("another-secret-another-secret-another", delivery.header("X-Charter-Timestamp"),
				delivery.header("X-Charter-Signature"), body, RightsTestSetup.CLOCK.instant(), Duration.ofMinutes(5))).isFalse();
		assertThat((String) JsonPath.read(delivery.body(), "$.type")).isEqualTo("ERASURE");
		assertThat((String) JsonPath.read(delivery.body(), "$.event")).isEqualTo("data-subject-request.erasure");
		assertThat((String) JsonPath.read(delivery.body(), "$.subject.visitorId")).isEqualTo("vis-carla");
		assertThat((String) JsonPath.read(delivery.body(), "$.subject.email")).startsWith("carla-");
		assertThat((String) JsonPath.read(delivery.body(), "$.callback"))
				.isEqualTo("https://charter.example/api/v1/rights/callbacks/" + taskId);

		Instant now = RightsTestSetup.CLOCK.instant();
		String done = "{\"status\": \"DONE\", \"records\": 2, \"detail\": \"CRM contact and notes deleted\"}";
		callback(taskId, done, now, "not-the-secret-not-the-secret-not-the").andExpect(status().isUnauthorized());
		callback(taskId, done, now.minus(Duration.ofMinutes(10)), CRM_SECRET).andExpect(status().isUnauthorized());
		callback(UUID.randomUUID().toString(), done, now, CRM_SECRET).andExpect(status().isNotFound());
		callback(taskId, "{\"status\": \"MAYBE\"}", now, CRM_SECRET).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.status").value(400));
		assertThat(task(id)).isEqualTo("DELIVERED 2");
		callback(taskId, done, now, CRM_SECRET).andExpect(status().isNoContent());
		callback(taskId, done, now, CRM_SECRET).andExpect(status().isConflict());
		assertThat(task(id)).isEqualTo("DONE 2");
		assertThat(jdbc.sql("select holder || ' ' || action || ' ' || outcome || ' ' || records || ' ' || detail from rights_fulfilment where request_id = :id and action = 'REPORT'")
				.param("id", id).query(String.class).single()).isEqualTo("crm REPORT DONE 2 CRM contact and notes deleted");
		act(id, "erase", "confirmed", "yes");
		act(id, "complete", "text", "Your data were erased here and in our CRM.");
	}

	@Test
	void aSystemThatKeepsFailingIsGivenUpAndStaffCloseItWithAReason() throws Exception {
		UUID id = verifiedErasure(LocalDate.of(2024, 6, 3));
		CRM.answer(500, 500, 500);
		act(id, "notify-systems");
		systems.deliverDue();
		RightsTestSetup.CLOCK.advance(Duration.ofSeconds(61));
		systems.deliverDue();
		assertThat(task(id)).isEqualTo("PENDING 2");
		RightsTestSetup.CLOCK.advance(Duration.ofSeconds(61));
		systems.deliverDue();
		assertThat(task(id)).as("the second wait is two minutes").isEqualTo("PENDING 2");
		RightsTestSetup.CLOCK.advance(Duration.ofSeconds(60));
		systems.deliverDue();
		assertThat(task(id)).isEqualTo("FAILED 3");
		mvc.perform(get("/rights/requests/" + id).session(officer)).andExpect(content().string(containsString("delivery failed")))
				.andExpect(content().string(containsString("HTTP 500")));
		mvc.perform(post("/rights/requests/" + id + "/complete").session(officer).with(csrf()).param("text", "Done"))
				.andExpect(flash().attribute("failure", containsString("crm")));
		act(id, "override-system", "system", "crm", "text", "The CRM was decommissioned; no data of Carla left.");
		assertThat(task(id)).isEqualTo("OVERRIDDEN 3");
		act(id, "erase", "confirmed", "yes");
		act(id, "complete", "text", "Your data were erased.");
		assertThat(statusOf(id)).isEqualTo("COMPLETED");
	}

	@Test
	void staffCanDeliverAgainAndOnlyToConnectedSystems() throws Exception {
		UUID id = verifiedErasure(LocalDate.of(2024, 7, 1));
		CRM.answer(500, 500, 500);
		act(id, "notify-systems");
		for (int i = 0; i < 3; i++) {
			systems.deliverDue();
			RightsTestSetup.CLOCK.advance(Duration.ofMinutes(5));
		}
		assertThat(task(id)).isEqualTo("FAILED 3");
		act(id, "retry-system", "system", "crm");
		systems.deliverDue();
		assertThat(task(id)).isEqualTo("DELIVERED 1");
		mvc.perform(post("/rights/requests/" + id + "/override-system").session(officer).with(csrf())
				.param("system", "billing").param("text", "n/a"))
				.andExpect(flash().attribute("failure", "No system billing is connected for requests of this type (Erasure)."));
	}

	@Test
	void theWaitBetweenAttemptsDoublesUpToTheLongest() {
		assertThat(systems.backoff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(systems.backoff(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(systems.backoff(4)).isEqualTo(Duration.ofMinutes(8));
		assertThat(systems.backoff(10)).isEqualTo(Duration.ofHours(6));
		assertThat(systems.backoff(64)).isEqualTo(Duration.ofHours(6));
	}
}
