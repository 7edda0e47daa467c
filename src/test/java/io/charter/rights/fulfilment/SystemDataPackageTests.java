package io.charter.rights.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import io.charter.Fixtures;
import io.charter.rights.RightsTestBase;
import io.charter.rights.RightsTestSetup;
import io.charter.rights.WebhookReceiver;
import io.charter.rights.workflow.Housekeeping;
import io.charter.shared.Role;
import io.charter.shared.WebhookSignature;

/**
 * Connected systems contribute their data to access and portability packages through their signed
 * callback: the package waits for every system (or staff's reason), then holds each system's
 * datasets as JSON and CSV in a folder of its own.
 */
class SystemDataPackageTests extends RightsTestBase {

	static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
	static final WebhookReceiver SHOP = WebhookReceiver.start();
	static final WebhookReceiver ARCHIVE = WebhookReceiver.start();
	static final String SHOP_SECRET = "shop-shared-secret-for-the-tests-0123456789";
	static final String ARCHIVE_SECRET = "archive-shared-secret-for-the-tests-012345";

	@DynamicPropertySource
	static void systemsForAccess(DynamicPropertyRegistry registry) {
		registry.add("charter.rights.webhooks.systems[1].name", () -> "shop");
		registry.add("charter.rights.webhooks.systems[1].url", SHOP::url);
		registry.add("charter.rights.webhooks.systems[1].secret", () -> SHOP_SECRET);
		registry.add("charter.rights.webhooks.systems[1].types", () -> "ACCESS,PORTABILITY");
		registry.add("charter.rights.webhooks.systems[2].name", () -> "archive");
		registry.add("charter.rights.webhooks.systems[2].url", ARCHIVE::url);
		registry.add("charter.rights.webhooks.systems[2].secret", () -> ARCHIVE_SECRET);
		registry.add("charter.rights.webhooks.systems[2].types", () -> "ACCESS");
		registry.add("charter.rights.webhooks.max-report-size", () -> "64KB");
	}

	@Autowired
	ConnectedSystems systems;
	@Autowired
	Housekeeping housekeeping;

	String token;

	UUID verified(String type, String email) throws Exception {
		String body = mvc.perform(post("/api/v1/rights/requests").header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"type": "%s", "name": "Nina", "email": "%s", "channel": "EMAIL"}""".formatted(type, email)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
		step(id, "verify", "{\"means\": \"reply from the address on file\"}").andExpect(status().isOk());
		return id;
	}

	ResultActions step(UUID id, String step, String json) throws Exception {
		var request = post("/api/v1/rights/requests/" + id + "/" + step).header("Authorization", "Bearer " + token);
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}

	ResultActions callback(WebhookReceiver system, String secret, UUID requestId, String json) throws Exception {
		String taskId = system.about(requestId.toString()).get(0).header("X-Charter-Delivery");
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		Instant now = RightsTestSetup.CLOCK.instant();
		return mvc.perform(post("/api/v1/rights/callbacks/" + taskId).contentType(MediaType.APPLICATION_JSON).content(body)
				.header("X-Charter-Timestamp", String.valueOf(now.getEpochSecond()))
				.header("X-Charter-Signature", WebhookSignature.sign(secret, now.getEpochSecond(), body)));
	}

	@Test
	void theAccessPackageWaitsForEverySystemAndHoldsTheirData() throws Exception {
		token = fixtures.tokenFor(Role.PRIVACY);
		RightsTestSetup.CLOCK.set(LocalDate.of(2024, 9, 2).atTime(10, 0).atZone(BRUSSELS).toInstant());
		String email = Fixtures.uniqueEmail("nina");
		UUID id = verified("ACCESS", email);
		step(id, "package", null).andExpect(status().isConflict()).andExpect(jsonPath("$.detail")
				.value(org.hamcrest.Matchers.startsWith("Waiting for connected systems to report: shop, archive.")));
		step(id, "notify-systems", null).andExpect(status().isOk());
		systems.deliverDue();
		assertThat((String) JsonPath.read(SHOP.about(id.toString()).get(0).body(), "$.event"))
				.isEqualTo("data-subject-request.access");

		String shopData = """
				{"status": "DONE", "detail": "customer account and orders",
				 "datasets": [
				   {"name": "contacts", "rows": [{"email": "%s", "phone": "=cmd|' /C calc'!A0", "address": {"city": "Gent"}},
				                                 {"email": "%s", "phone": null, "address": null}]},
				   {"name": "orders", "rows": [{"order": "A-17", "total": 12.5}]}],
				 "information": {"purposes": "Selling and delivering orders (contract)", "retention": "10 years (tax law)"}}"""
				.formatted(email, email);
		callback(SHOP, SHOP_SECRET, id, shopData).andExpect(status().isNoContent());
		assertThat(jdbc.sql("select records || ' ' || detail from rights_fulfilment where request_id = :id and holder = 'shop'")
				.param("id", id).query(String.class).single()).isEqualTo("3 customer account and orders");
		step(id, "package", null).andExpect(status().isConflict())
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Waiting for connected systems to report: archive.")));

		// Malformed data, or more than the limit, are refused and leave the task waiting.
		callback(ARCHIVE, ARCHIVE_SECRET, id, """
				{"status": "NOTHING_HELD", "datasets": [{"name": "scans", "rows": [{"a": 1}]}]}""").andExpect(status().isBadRequest());
		callback(ARCHIVE, ARCHIVE_SECRET, id, """
				{"status": "DONE", "datasets": [{"name": "Scans!", "rows": [{"a": 1}]}]}""").andExpect(status().isBadRequest());
		callback(ARCHIVE, ARCHIVE_SECRET, id, """
				{"status": "DONE", "datasets": [{"name": "scans", "rows": [1, 2]}]}""").andExpect(status().isBadRequest());
		callback(ARCHIVE, ARCHIVE_SECRET, id, """
				{"status": "DONE", "datasets": [{"name": "scans", "rows": []}, {"name": "scans", "rows": []}]}""")
				.andExpect(status().isBadRequest());
		callback(ARCHIVE, ARCHIVE_SECRET, id, """
				{"status": "DONE", "datasets": [{"name": "scans", "rows": [{"text": "%s"}]}]}""".formatted("x".repeat(70_000)))
				.andExpect(status().is(413));
		// Information that fits its 1,000 characters but not the stored column once escaped.
		String quotes = "\\\"".repeat(999);
		callback(ARCHIVE, ARCHIVE_SECRET, id, """
				{"status": "DONE", "datasets": [{"name": "scans", "rows": [{"a": 1}]}], "information": {"purposes": "%s",
				 "categories": "%s", "recipients": "%s", "retention": "%s"}}""".formatted(quotes, quotes, quotes, quotes))
				.andExpect(status().isBadRequest());
		// The shop has answered: staff cannot close its task over its report.
		step(id, "override-system", "{\"system\": \"shop\", \"reason\": \"Changed our mind.\"}")
				.andExpect(status().isConflict());
		step(id, "override-system", "{\"system\": \"archive\", \"reason\": \"The archive is offline until next year.\"}")
				.andExpect(status().isOk());

		step(id, "package", null).andExpect(status().isOk()).andExpect(jsonPath("$.packages[0].inventory")
				.value(org.hamcrest.Matchers.containsString("system archive: not reported (overridden); system shop: contacts 2, orders 1")));
		String download = secretIn(bodyOf(awaitMail(email, "your personal data")), "/privacy/requests/download/");
		byte[] zip = mvc.perform(get("/privacy/requests/download/" + download + "/file")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
		Map<String, String> files = unzip(zip);
		assertThat(files).containsKeys("systems/shop/contacts.json", "systems/shop/contacts.csv",
				"systems/shop/orders.json", "systems/shop/orders.csv", "rights/requests.json");
		assertThat(files.keySet()).noneMatch(name -> name.startsWith("systems/archive/"));
		assertThat(files.get("systems/shop/contacts.json")).contains("\"city\" : \"Gent\"", "=cmd|' /C calc'!A0");
		assertThat(files.get("systems/shop/contacts.csv")).startsWith("email,phone,address\r\n")
				.contains("\"'=cmd|' /C calc'!A0\"", "\"{\"\"city\"\":\"\"Gent\"\"}\"");
		assertThat(files.get("systems/shop/orders.json")).contains("\"total\" : 12.5");
		assertThat(files.get("README.txt")).contains("Data held in the connected system \"shop\": 3 record(s)",
				"Selling and delivering orders (contract)", "10 years (tax law)", "systems/shop/contacts.json, .csv (2)",
				"Data held in the connected system \"archive\"", "No data from this system are included")
				.doesNotContain("offline until next year");
		assertThat((List<String>) JsonPath.read(files.get("information.json"), "$.systems[*].system"))
				.containsExactly("archive", "shop");
		assertThat((List<Boolean>) JsonPath.read(files.get("information.json"), "$.systems[*].reported"))
				.containsExactly(false, true);

		// The systems' data go once the request is closed and no package can be downloaded.
		step(id, "complete", "{\"answer\": \"Your data were sent.\"}").andExpect(status().isOk());
		housekeeping.run();
		assertThat(jdbc.sql("select count(*) from rights_system_data where request_id = :id").param("id", id)
				.query(Long.class).single()).as("kept while the package can be downloaded").isEqualTo(2);
		RightsTestSetup.CLOCK.advance(Duration.ofDays(8));
		housekeeping.run();
		assertThat(jdbc.sql("select count(*) from rights_system_data where request_id = :id").param("id", id)
				.query(Long.class).single()).isZero();
	}

	@Test
	void onlyAccessAndPortabilityReportsCarryData() throws Exception {
		token = fixtures.tokenFor(Role.PRIVACY);
		UUID id = verified("ERASURE", Fixtures.uniqueEmail("no-data"));
		step(id, "notify-systems", null).andExpect(status().isOk());
		systems.deliverDue();
		callback(CRM, CRM_SECRET, id, """
				{"status": "DONE", "records": 1, "datasets": [{"name": "contacts", "rows": [{"a": 1}]}]}""")
				.andExpect(status().isBadRequest());
		callback(CRM, CRM_SECRET, id, "{\"status\": \"DONE\", \"records\": 1}").andExpect(status().isNoContent());
		assertThat(jdbc.sql("select count(*) from rights_system_data where request_id = :id").param("id", id)
				.query(Long.class).single()).isZero();
		step(id, "erase", null).andExpect(status().isOk());
		step(id, "complete", "{\"answer\": \"Erased.\"}").andExpect(status().isOk());
	}
}
