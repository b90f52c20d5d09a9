package dev.rustwheel.audit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The platform tags a wheel gets for a {@code compatibility} request: {@code auto} (the most compatible policy
 * the files meet, else {@code linux} with a warning), {@code linux}, or a policy by name or alias (which must be
 * met; the wheel then carries the best policy's tags and the requested one's, as auditwheel repair does).
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

    public static PlatformDecision decide(AuditReport report, String compatibility, Policies policies)
            throws AuditException {
        if (compatibility.equals(Policy.LINUX)) {
            return new PlatformDecision(Policy.LINUX, report.linuxTags(), List.of());
        }
        if (compatibility.equals(AUTO)) {
            return auto(report);
        }
        return explicit(report, compatibility, policies);
    }

    private static PlatformDecision auto(AuditReport report) {
        Optional<PolicyVerdict> best = report.best();
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
                    + " into the wheel (rustwheel cannot graft yet): " + describe(compliant.toGraft(),
                            ExternalLibrary::describe) + ". Link them statically, or set compatibility to linux"
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

    private static PlatformDecision explicit(AuditReport report, String requested, Policies policies)
            throws AuditException {
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
        PolicyVerdict verdict = report.verdicts().stream().filter(v -> v.policy().equals(policy)).findFirst()
                .orElseThrow(() -> new AuditException("compatibility " + requested + ": " + policy.name()
                        + " has no " + architecture + " platform. Policies for " + architecture + ": "
                        + report.verdicts().stream().map(v -> v.policy().name()).toList() + "."));
        if (!verdict.passes()) {
            String hint = verdict.compliant()
                    ? " Link those libraries statically (rustwheel cannot graft them into the wheel yet)."
                    : " Build on an older system (for example a " + policy.name() + " container)"
                            + report.best().map(b -> ", or request " + b.policy().name() + " or auto").orElse("")
                            + ".";
            throw new AuditException("compatibility " + requested + " cannot be met: " + failures(verdict) + "."
                    + hint);
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>(report.best().orElseThrow().platformTags());
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
