package org.genrebench.model.deep;

import org.genrebench.util.UserException;
import org.nd4j.linalg.schedule.FixedSchedule;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.PolySchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.Arrays;
import java.util.Locale;

/**
 * How Adam's step size moves over the epoch budget {@code E}: every schedule but {@link #ONECYCLE} starts at the
 * configured rate, and each changes once per epoch {@code e = 0 … E−1}. The trainer applies the nd4j schedule a constant gives
 * ({@link org.genrebench.model.training.LearningRateScheduling}), so a new schedule is a constant here, and an
 * {@link ISchedule} class where nd4j has none.
 */
public enum LearningRateSchedule {
    /**
     * {@code lr · (1 + e/E)}: nd4j's {@link PolySchedule} with power 1, which computes {@code (1 + e/E)^power}
     * rather than Caffe's decaying {@code (1 − e/E)^power}, so the step grows to almost twice its start by the last
     * epoch. The default, and what every committed network result was trained with.
     */
    RISING,
    /** {@code lr · (1 − e/E)}: linear decay towards 0 (Caffe's "poly" with power 1). */
    LINEAR,
    /** {@code lr · ½(1 + cos(π e/E))}: Loshchilov and Hutter's cosine annealing without restarts. */
    COSINE,
    /** {@code lr} throughout. */
    CONSTANT,
    /**
     * Smith's one-cycle, per epoch as PyTorch's {@code OneCycleLR} does it per step: from {@code 2·lr/25} up to
     * {@code 2·lr} (the rising schedule's end) along a half cosine over the first 30 % of the epochs, then down a
     * half cosine towards 0 over the rest. The warm-up lets a short budget use a large step without the early
     * jumps that the large step would make from the start.
     */
    ONECYCLE;

    /** Share of the epochs {@link #ONECYCLE} spends rising. */
    static final double ONE_CYCLE_RISE = 0.3;
    /** {@link #ONECYCLE}'s peak over the configured rate, and its peak over its start. */
    static final double ONE_CYCLE_PEAK = 2, ONE_CYCLE_START_DIVISOR = 25;

    /** The nd4j schedule for a start rate {@code rate} over {@code epochs} epochs. */
    public ISchedule over(double rate, int epochs) {
        return switch (this) {
            case RISING -> new PolySchedule(ScheduleType.EPOCH, rate, 1.0, epochs);
            case CONSTANT -> new FixedSchedule(rate);
            case LINEAR -> perEpoch(epochs, e -> rate * (1 - (double) e / epochs));
            case COSINE -> perEpoch(epochs, e -> rate * 0.5 * (1 + Math.cos(Math.PI * e / epochs)));
            case ONECYCLE -> perEpoch(epochs, e -> oneCycle(rate, epochs, e));
        };
    }

    private static double oneCycle(double rate, int epochs, int e) {
        double peak = ONE_CYCLE_PEAK * rate, start = peak / ONE_CYCLE_START_DIVISOR;
        int rise = Math.max(1, (int) Math.round(ONE_CYCLE_RISE * epochs));
        if (e < rise) return start + (peak - start) * 0.5 * (1 - Math.cos(Math.PI * e / rise));
        return peak * 0.5 * (1 + Math.cos(Math.PI * (e - rise) / (epochs - rise)));
    }

    private static ISchedule perEpoch(int epochs, java.util.function.IntToDoubleFunction value) {
        MapSchedule.Builder b = new MapSchedule.Builder(ScheduleType.EPOCH);
        for (int e = 0; e < epochs; e++) b.add(e, value.applyAsDouble(e));
        return b.build();
    }

    /** The lower-case name used on the command line and in model files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The schedule named {@code id} (case-insensitive); a one-sentence error lists the known ones. */
    public static LearningRateSchedule of(String id) {
        for (LearningRateSchedule s : values()) {
            if (s.id().equalsIgnoreCase(id.trim())) return s;
        }
        throw new UserException("unknown learning-rate schedule '" + id + "' (known: "
                + String.join(",", Arrays.stream(values()).map(LearningRateSchedule::id).toList()) + ")");
    }
}
