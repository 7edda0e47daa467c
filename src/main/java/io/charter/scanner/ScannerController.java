package io.charter.scanner;

import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.charter.scanner.web.ScanView;

/** The scanner's pages: scans on demand, their progress, findings, history and diff. */
@Controller
class ScannerController {

	private final ScanSteps steps;

	ScannerController(ScanSteps steps) {
		this.steps = steps;
	}

	@GetMapping("/scanner")
	String home(Model model) {
		model.addAttribute("home", steps.home());
		return "scanner/home";
	}

	@PostMapping("/scanner/scans")
	String start(@RequestParam String site, RedirectAttributes redirect) {
		try {
			return "redirect:/scanner/scans/" + steps.start(site);
		}
		catch (ScanRefused refused) {
			redirect.addFlashAttribute("notice", "scanner.refused." + refused.getMessage());
			return "redirect:/scanner";
		}
	}

	/** While the scan runs, the page asks again every few seconds (a Refresh header: no script). */
	@GetMapping("/scanner/scans/{id}")
	String scan(@PathVariable UUID id, Model model, HttpServletResponse response) {
		ScanView scan = steps.scan(id);
		if (scan.running()) {
			response.setHeader("Refresh", "3");
		}
		model.addAttribute("scan", scan);
		model.addAttribute("findings", steps.findings(id));
		return "scanner/scan";
	}

	@PostMapping("/scanner/scans/{id}/cancel")
	String cancel(@PathVariable UUID id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", steps.cancel(id) ? "scanner.cancelled" : "scanner.not-running");
		return "redirect:/scanner/scans/" + id;
	}

	@PostMapping("/scanner/scans/{id}/findings/{position}/catalogue")
	String propose(@PathVariable UUID id, @PathVariable int position, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice",
				steps.propose(id, position).isPresent() ? "scanner.proposed" : "scanner.no-service");
		return "redirect:/scanner/scans/" + id;
	}

	@GetMapping("/scanner/diff")
	String diff(@RequestParam UUID from, @RequestParam UUID to, Model model) {
		model.addAttribute("diff", steps.diff(from, to));
		return "scanner/diff";
	}
}
