package io.shukei.round;

public enum RoundStatus {
    OPEN, CLOSED
}
