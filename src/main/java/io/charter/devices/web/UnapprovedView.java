package io.charter.devices.web;

import java.time.Instant;

/**
 * A software name installed somewhere in the fleet that no catalogue entry approves.
 *
 * @param platform the platform of the devices it is on (one line per name and platform)
 * @param prohibited an entry of the prohibited list (clause S8) matches it
 * @param devices on how many devices
 * @param exempted on how many of them an exemption in force covers it
 * @param firstSeenAt when it was first seen on any of them
 */
public record UnapprovedView(String name, String platform, boolean prohibited, int devices, int exempted, Instant firstSeenAt) {
}
