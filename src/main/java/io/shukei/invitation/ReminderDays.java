package io.shukei.invitation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Which of the configured reminder days (days before the due date) a day falls in. */
final class ReminderDays {

    private ReminderDays() {
    }

    /**
     * The fewest configured days before the due date that are not fewer than the days left: the reminder that is
     * due on {@code today}. Null before the first of them and after the due date.
     */
    static Integer current(LocalDate dueDate, LocalDate today, List<Integer> days) {
        if (dueDate == null) {
            return null;
        }
        long left = ChronoUnit.DAYS.between(today, dueDate);
        if (left < 0) {
            return null;
        }
        return days.stream().filter(d -> d >= left).min(Integer::compare).orElse(null);
    }

    /** Whether a reminder is due: a reminder day has come that is nearer the due date than the last one mailed. */
    static boolean due(Integer current, Integer remindedFor) {
        return current != null && (remindedFor == null || current < remindedFor);
    }
}
