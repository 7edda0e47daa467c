package io.charter.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.charter.shared.DashboardFigures;
import io.charter.shared.DashboardFigures.Figure;
import io.charter.shared.DashboardFigures.Today;
import io.charter.shared.Role;

/** The dashboard's figures of the day from every module's {@link DashboardFigures}, for the roles a user holds. */
@Component
class Figures {

	private static final Logger log = LoggerFactory.getLogger(Figures.class);

	private final ObjectProvider<DashboardFigures> contributors;
	private final Clock clock;
	private final ZoneId zone;
	private final IsolatedContributors isolated = new IsolatedContributors(log, "figures");

	Figures(ObjectProvider<DashboardFigures> contributors, Clock clock, WebSettings settings) {
		this.contributors = contributors;
		this.clock = clock;
		this.zone = settings.timeZone();
	}

	/** In the order contributed. */
	List<Figure> visibleTo(Collection<Role> roles) {
		Today today = new Today(LocalDate.now(clock.withZone(zone)), zone);
		return contributors.orderedStream()
				.flatMap(contributor -> isolated.ask(contributor, () -> contributor.figures(today)).stream())
				.filter(figure -> figure.visibleTo(roles)).toList();
	}
}
