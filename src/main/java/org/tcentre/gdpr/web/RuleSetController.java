package org.tcentre.gdpr.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tcentre.gdpr.access.Caller;
import org.tcentre.gdpr.rules.RuleInfo;
import org.tcentre.gdpr.rules.RuleSetException;
import org.tcentre.gdpr.system.ActiveRuleSet;

/** The rule set in service: its identity and rules; reloading it (privacy officers only). */
@RestController
@RequestMapping(path = "/api/v1/rulesets/active", produces = MediaType.APPLICATION_JSON_VALUE)
class RuleSetController {

    private final ActiveRuleSet ruleSet;

    RuleSetController(ActiveRuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    /** The rule set as the API shows it. */
    @JsonPropertyOrder({"name", "version", "sha256", "loadedAt", "ruleCount", "rules"})
    record RuleSetView(String name, String version, String sha256, Instant loadedAt, int ruleCount, List<RuleInfo> rules) {

        static RuleSetView of(ActiveRuleSet.Loaded loaded) {
            var identity = loaded.ruleSet().identity();
            return new RuleSetView(identity.name(), identity.version(), identity.sha256(), loaded.loadedAt(),
                    loaded.ruleSet().rules().size(), loaded.ruleSet().rules());
        }
    }

    @Operation(summary = "The active rule set: name, version, SHA-256 of its files, and every rule with its metadata")
    @GetMapping
    RuleSetView active() {
        return RuleSetView.of(ruleSet.loaded());
    }

    @Operation(summary = "Reload the rule set from the rules directory; swapped in only if it loads (422 with file and line otherwise)")
    @PostMapping("/reload")
    RuleSetView reload(@AuthenticationPrincipal Caller caller) throws RuleSetException {
        return RuleSetView.of(ruleSet.reload(caller.name()));
    }
}
