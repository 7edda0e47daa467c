package io.charter.devices.mdm;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An MDM export pasted in the console (SECURITY). */
@Controller
class MdmImportController {

	static final String IMPORT = "/devices/import";

	private final MdmImport imports;

	MdmImportController(MdmImport imports) {
		this.imports = imports;
	}

	@GetMapping(IMPORT)
	String importForm(Model model) {
		model.addAttribute("file", "");
		model.addAttribute("problems", List.of());
		return "devices/import";
	}

	/**
	 * Imports the pasted export (Charter takes no multipart uploads); a file with problems is shown
	 * again, as typed, with every problem, and nothing is written.
	 */
	@PostMapping(IMPORT)
	String importFile(@RequestParam(defaultValue = "") String file,
			@RequestParam(defaultValue = "false") boolean validRowsOnly, Model model, RedirectAttributes redirect) {
		MdmImport.Outcome outcome = imports.apply(file.getBytes(StandardCharsets.UTF_8), validRowsOnly);
		if (!outcome.written()) {
			model.addAttribute("file", file);
			model.addAttribute("problems", outcome.problems());
			return "devices/import";
		}
		redirect.addFlashAttribute("notice", outcome.problems().isEmpty() ? "devices.imported" : "devices.imported-valid-rows");
		return "redirect:/devices";
	}
}
