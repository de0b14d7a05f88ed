package de.augenhoehe.portal.start;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.augenhoehe.portal.web.PlatformApi;

/** The portal's front door: the networks one can enter, and the three ways in (Stellen, Maßnahmen, Rückkehr). */
@Controller
class StartController {

    private final PlatformApi api;

    StartController(PlatformApi api) {
        this.api = api;
    }

    @GetMapping("/")
    String start(Model model) {
        model.addAttribute("networks", api.get("/api/networks"));
        return "start/index";
    }
}
