package io.charter.rights.fulfilment;

import static io.charter.platform.Utc.odt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.rights.RequestStatus;

/** The rights_system_data table: datasets connected systems sent for access and portability packages. */
@Repository
public class SystemDatasets {

	/** @param content the rows as a JSON array */
	record Stored(String system, String dataset, int records, byte[] content) {
	}

	private final JdbcClient jdbc;

	SystemDatasets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID taskId, UUID requestId, String system, String dataset, int records, byte[] content, Instant at) {
		jdbc.sql("""
				insert into rights_system_data (id, task_id, request_id, system, dataset, records, content, received_at)
				values (:id, :task, :request, :system, :dataset, :records, :content, :at)""")
				.param("id", UUID.randomUUID()).param("task", taskId).param("request", requestId).param("system", system)
				.param("dataset", dataset).param("records", records).param("content", content).param("at", odt(at))
				.update();
	}

	List<Stored> of(UUID requestId) {
		return jdbc.sql("""
				select system, dataset, records, content from rights_system_data where request_id = :id
				order by system, dataset""").param("id", requestId)
				.query((rs, n) -> new Stored(rs.getString("system"), rs.getString("dataset"), rs.getInt("records"),
						rs.getBytes("content")))
				.list();
	}

	/** Data of closed requests that no package can still be downloaded with. */
	public int deleteSpent() {
		return jdbc.sql("""
				delete from rights_system_data d
				where exists (select 1 from rights_request r where r.id = d.request_id and r.status in (:closed))
				  and not exists (select 1 from rights_package p where p.request_id = d.request_id and p.content is not null)""")
				.param("closed", RequestStatus.CLOSED).update();
	}
}
