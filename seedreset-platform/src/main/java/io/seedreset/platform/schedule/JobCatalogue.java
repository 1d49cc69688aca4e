package io.seedreset.platform.schedule;

import io.seedreset.api.SeedResetException;
import io.seedreset.api.SeedResetException.Reason;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The kinds of job schedules can run, by name. */
public record JobCatalogue(List<ScheduledJob> jobs) {

    /**
     * The jobs {@code seedreset serve} runs and the commands accept, the purge of uploads working in
     * {@code uploads}. A new kind of job is one more entry here (and its class).
     */
    public static JobCatalogue standard(io.seedreset.platform.uploads.UploadStore uploads) {
        return new JobCatalogue(List.of(new OrganizationReset(), new CredentialRotation(), new UploadsPurgeJob(uploads), new OrganizationActivity()));
    }

    public JobCatalogue {
        jobs = List.copyOf(jobs);
        if (jobs.stream().map(ScheduledJob::name).distinct().count() != jobs.size()) {
            throw new IllegalArgumentException("two jobs share a name: " + names(jobs));
        }
    }

    /**
     * The job with this name.
     *
     * @throws SeedResetException {@code INVALID_VALUE} naming the jobs there are
     */
    public ScheduledJob find(String name) {
        return jobs.stream().filter(job -> job.name().equals(name)).findFirst().orElseThrow(() -> new SeedResetException(Reason.INVALID_VALUE,
                "unknown job '" + name + "': the jobs are " + names(jobs), Map.of(SeedResetException.VALUE, String.valueOf(name))));
    }

    private static String names(List<ScheduledJob> jobs) {
        return jobs.stream().map(ScheduledJob::name).collect(Collectors.joining(", "));
    }
}
