package uk.putitright.audit;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The timeline page for staff and auditors: server-rendered, no script. */
@Controller
class TimelinePageController {

    private final ComplaintTimeline timelines;

    TimelinePageController(ComplaintTimeline timelines) {
        this.timelines = timelines;
    }

    @GetMapping("/audit/complaints/{reference}")
    String page(@PathVariable String reference, Model model) {
        model.addAttribute("timeline", timelines.of(reference));
        return "audit/timeline";
    }
}
