package se.samsyn.followup;

import java.time.LocalDate;

/**
 * One life area's need on one assessment date: the level 0–4, the goal (at most 100 characters, or
 * null) and the goal's status (null until set).
 */
public record Need(long id, LocalDate assessedOn, LifeArea lifeArea, int level, String goal, GoalStatus goalStatus) {
}
