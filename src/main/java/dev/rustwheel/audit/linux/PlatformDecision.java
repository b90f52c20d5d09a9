package dev.rustwheel.audit.linux;

import dev.rustwheel.audit.AuditException;
import dev.rustwheel.audit.ExternalLibrary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The platform tags a wheel gets for a {@code compatibility} request: {@code auto} (the most compatible policy
 * the files meet, else {@code linux} with a warning), {@code linux}, or a policy by name or alias (which must be
 * met; the wheel then carries the best policy's tags and the requested one's, as auditwheel repair does). When
 * the external libraries will be grafted, a policy is met once the files' and those libraries' symbol versions
 * are (a compliant verdict); otherwise the files must also need no library outside its whitelist.
 *
 * @param policy       the policy the wheel is tagged for ({@code linux} included)
 * @param platformTags every platform tag, most compatible first, canonical names before aliases
 * @param warnings     what the user should know about a weaker tag than hoped for
 */
public record PlatformDecision(String policy, List<String> platformTags, List<String> warnings) {

    public static final String AUTO = "auto";

    public PlatformDecision {
        platformTags = List.copyOf(platformTags);
        warnings = List.copyOf(warnings);
    }

    /** @param grafting whether the verdict's external libraries will be grafted into the wheel */
    public static PlatformDecision decide(AuditReport report, String compatibility, Policies policies,
            boolean grafting) throws AuditException {
        if (compatibility.equals(Policy.LINUX)) {
            return new PlatformDecision(Policy.LINUX, report.linuxTags(), List.of());
        }
        if (compatibility.equals(AUTO)) {
            return auto(report, grafting);
        }
        return explicit(report, compatibility, policies, grafting);
    }

    private static Optional<PolicyVerdict> best(AuditReport report, boolean grafting) {
        return grafting ? report.bestCompliant() : report.best();
    }

    private static PlatformDecision auto(AuditReport report, boolean grafting) {
        Optional<PolicyVerdict> best = best(report, grafting);
        if (best.isPresent()) {
            return new PlatformDecision(best.get().policy().name(), best.get().platformTags(), List.of());
        }
        String tag = String.join(".", report.linuxTags());
        String why;
        if (report.architecture().isEmpty()) {
            why = "no manylinux or musllinux tag exists for the architecture of " + report.files().get(0);
        } else if (report.bestCompliant().isPresent()) {
            PolicyVerdict compliant = report.bestCompliant().get();
            why = compliant.policy().name() + " would need these libraries, which are not on its whitelist, grafted"
                    + " into the wheel: " + describe(compliant.toGraft(), ExternalLibrary::describe) + ". Set"
                    + " auditwheel to repair to graft them, link them statically, or set compatibility to linux"
                    + " to accept the linux tag without this warning";
        } else if (report.verdicts().isEmpty()) {
            why = "no " + (report.musl() ? "musllinux" : "manylinux") + " policy covers " + report.architecture().get();
        } else {
            PolicyVerdict loosest = report.verdicts().get(report.verdicts().size() - 1);
            why = "even " + loosest.policy().name() + " fails: " + failures(loosest);
        }
        return new PlatformDecision(Policy.LINUX, report.linuxTags(),
                List.of("The wheel is tagged " + tag + ", which PyPI does not accept: " + why + "."));
    }

    private static PlatformDecision explicit(AuditReport report, String requested, Policies policies,
            boolean grafting) throws AuditException {
        String name = report.architecture().map(a -> requested.endsWith("_" + a)
                ? requested.substring(0, requested.length() - a.length() - 1) : requested).orElse(requested);
        Policy policy = policies.find(name).orElseThrow(() -> new AuditException("Unknown compatibility '"
                + requested + "'. Use auto, linux, or one of: " + policies.all().stream().map(Policy::toString)
                        .collect(Collectors.joining(", ")) + "."));
        if (policy.musl() != report.musl()) {
            throw new AuditException("compatibility " + requested + " is a " + (policy.musl() ? "musl" : "glibc")
                    + " policy, but " + report.files() + " link " + (report.musl() ? "musl" : "glibc") + ". Use "
                    + (report.musl() ? "musllinux_1_2" : "a manylinux policy") + ", or auto.");
        }
        String architecture = report.architecture().orElse("this architecture");
        // by name: the verdicts' policies hold only the audited architecture's symbol versions
        PolicyVerdict verdict = report.verdicts().stream().filter(v -> v.policy().name().equals(policy.name()))
                .findFirst()
                .orElseThrow(() -> new AuditException("compatibility " + requested + ": " + policy.name()
                        + " has no " + architecture + " platform. Policies for " + architecture + ": "
                        + report.verdicts().stream().map(v -> v.policy().name()).toList() + "."));
        if (grafting ? !verdict.compliant() : !verdict.passes()) {
            String hint = verdict.compliant()
                    ? " Set auditwheel to repair to graft those libraries into the wheel, or link them statically."
                    : " Build on an older system (for example a " + policy.name() + " container)"
                            + best(report, grafting).map(b -> ", or request " + b.policy().name() + " or auto")
                                    .orElse("") + ".";
            throw new AuditException("compatibility " + requested + " cannot be met: " + failures(verdict) + "."
                    + hint);
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>(best(report, grafting).orElseThrow().platformTags());
        tags.addAll(verdict.platformTags());
        return new PlatformDecision(policy.name(), new ArrayList<>(tags), List.of());
    }

    /** Every reason a verdict fails, each naming the file it comes from. */
    static String failures(PolicyVerdict verdict) {
        List<String> parts = new ArrayList<>();
        String name = verdict.policy().name();
        if (!verdict.tooRecent().isEmpty()) {
            parts.add("symbol versions newer than " + name + " allows: "
                    + describe(verdict.tooRecent(), VersionUse::describe));
        }
        if (!verdict.blacklisted().isEmpty()) {
            parts.add("symbols some " + name + " systems lack: "
                    + describe(verdict.blacklisted(), BlacklistHit::describe));
        }
        if (!verdict.toGraft().isEmpty()) {
            parts.add("libraries outside the " + name + " whitelist: "
                    + describe(verdict.toGraft(), ExternalLibrary::describe));
        }
        return String.join("; ", parts);
    }

    private static <T> String describe(List<T> items, java.util.function.Function<T, String> describe) {
        return items.stream().map(describe).collect(Collectors.joining(", "));
    }
}
