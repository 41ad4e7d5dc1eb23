package org.tcentre.gdpr.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tcentre.gdpr.access.Caller;
import org.tcentre.gdpr.declaration.DataKind;
import org.tcentre.gdpr.rules.RuleInfo;
import org.tcentre.gdpr.rules.RuleProfile;
import org.tcentre.gdpr.rules.RuleSet;
import org.tcentre.gdpr.rules.RuleSetException;
import org.tcentre.gdpr.rules.Severity;
import org.tcentre.gdpr.system.ActiveRuleSet;

/**
 * The rule set in service: its identity, rules and profiles; reloading it (privacy officers only). Served at
 * {@code /api/v1/rules} and, as issue 5 first published it, {@code /api/v1/rulesets/active}.
 */
@RestController
class RuleSetController {

    private final ActiveRuleSet ruleSet;

    RuleSetController(ActiveRuleSet ruleSet) {
        this.ruleSet = ruleSet;
    }

    /** The rule set as the API shows it. */
    @JsonPropertyOrder({"name", "version", "sha256", "loadedAt", "ruleCount", "rules", "disabled", "profiles"})
    record RuleSetView(String name, String version, String sha256, Instant loadedAt, int ruleCount, List<RuleInfo> rules,
                       List<String> disabled, List<ProfileView> profiles) {

        static RuleSetView of(ActiveRuleSet.Loaded loaded) {
            RuleSet rules = loaded.ruleSet();
            var identity = rules.identity();
            return new RuleSetView(identity.name(), identity.version(), identity.sha256(), loaded.loadedAt(),
                    rules.rules().size(), rules.rules(), rules.disabled(),
                    rules.profiles().stream().map(ProfileView::of).toList());
        }
    }

    /** A profile of ruleset.yaml: what it changes, and for which declarations it applies by itself. */
    @JsonPropertyOrder({"name", "description", "appliesTo", "enable", "disable", "severity"})
    record ProfileView(String name, String description, List<String> appliesTo, List<String> enable, List<String> disable,
                       Map<String, Severity> severity) {

        static ProfileView of(RuleProfile profile) {
            return new ProfileView(profile.name(), profile.description(),
                    profile.appliesTo().stream().map(DataKind::code).toList(), profile.enable(), profile.disable(),
                    new java.util.TreeMap<>(profile.severity()));
        }
    }

    /** A reload's outcome: the rule set now in service, whether it changed, and the candidate's rule tests. */
    @JsonPropertyOrder({"changed", "ruleTests", "ruleSet"})
    record ReloadView(boolean changed, String ruleTests, RuleSetView ruleSet) {
    }

    @Operation(summary = "The active rule set: name, version, SHA-256 of its files, every rule in force with its "
            + "metadata, and its profiles")
    @GetMapping(path = {"/api/v1/rules", "/api/v1/rulesets/active"}, produces = MediaType.APPLICATION_JSON_VALUE)
    RuleSetView active() {
        return RuleSetView.of(ruleSet.loaded());
    }

    @Operation(summary = "Reload the rule set from the rules directory: it is compiled and its own rule tests run; "
            + "it replaces the active one only if both pass (422 with file and line, or the failing tests, otherwise)")
    @PostMapping(path = {"/api/v1/rules/reload", "/api/v1/rulesets/active/reload"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    ReloadView reload(@AuthenticationPrincipal Caller caller) throws RuleSetException {
        ActiveRuleSet.Reload reload = ruleSet.reload(caller.name());
        return new ReloadView(reload.changed(), reload.tests(), RuleSetView.of(reload.loaded()));
    }
}
