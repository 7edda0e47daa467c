package io.charter.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page. It will hold the clause -> control table as the control modules arrive. */
@Controller
class DashboardController {

	static final String VIEW = "web/dashboard";

	@GetMapping("/")
	String dashboard() {
		return VIEW;
	}
}
