package io.charter.rights;

import java.util.List;
import java.util.stream.Stream;

/** Where a request stands. Only {@link DataSubjectRequest} moves a request from one to another. */
public enum RequestStatus {
	RECEIVED, AWAITING_VERIFICATION, VERIFIED, IN_PROGRESS,
	/** Waiting for information or identification from the requester: the clock is suspended. */
	WAITING_FOR_REQUESTER,
	/** The period was extended by two further months (art. 12(3)); the request is being handled. */
	EXTENDED, COMPLETED, REFUSED, WITHDRAWN,
	/** A form request whose address was never confirmed: closed by the nightly job when its link expired. */
	UNCONFIRMED;

	/** The closed states, by name, for queries. */
	public static final List<String> CLOSED = Stream.of(values()).filter(s -> !s.open()).map(Enum::name).toList();

	public boolean open() {
		return this != COMPLETED && this != REFUSED && this != WITHDRAWN && this != UNCONFIRMED;
	}

	/** Whether the statutory clock runs. */
	public boolean clockRunning() {
		return open() && this != WAITING_FOR_REQUESTER;
	}

	public String key() {
		return "rights.status." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}
}
