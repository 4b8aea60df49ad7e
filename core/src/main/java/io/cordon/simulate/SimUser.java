package io.cordon.simulate;

import java.time.ZoneId;
import java.util.List;

/**
 * A simulated person (or an instrument's integration account) and the benign surprises of their
 * month: a trip, a vacation, a new laptop, joining late. Set up once by {@link World}; scenarios
 * may end or silence the account (a departure, a dormant stretch). Not thread-safe.
 */
final class SimUser {
  final int index;
  final String id;
  final String username;
  final Org org;
  final List<String> roles;
  final City home;
  final int site;
  final double level;
  final int workStartMinute;
  final int workMinutes;
  final String auth;
  final boolean integration;
  final List<Workspace> workspaces;
  final String homeIp;
  final String laptop;
  final String laptopAgent;
  final String newLaptop;
  final String phone;
  final String phoneAgent;

  int newLaptopDay = -1;
  int tripStart = -1;
  int tripEnd = -1;
  City tripCity;
  int vacationStart = -1;
  int vacationEnd = -1;
  int activeFrom;
  int activeUntil = Integer.MAX_VALUE;
  int silentFrom = -1;
  int silentUntil = -1;

  /** Whether a scenario already uses this account as its victim or actor. */
  boolean claimed;

  SimUser(
      int index,
      String id,
      String username,
      Org org,
      List<String> roles,
      City home,
      int site,
      double level,
      int workStartMinute,
      int workMinutes,
      String auth,
      boolean integration,
      List<Workspace> workspaces,
      String homeIp,
      String[] devices) {
    this.index = index;
    this.id = id;
    this.username = username;
    this.org = org;
    this.roles = List.copyOf(roles);
    this.home = home;
    this.site = site;
    this.level = level;
    this.workStartMinute = workStartMinute;
    this.workMinutes = workMinutes;
    this.auth = auth;
    this.integration = integration;
    this.workspaces = List.copyOf(workspaces);
    this.homeIp = homeIp;
    this.laptop = devices[0];
    this.laptopAgent = devices[1];
    this.newLaptop = devices[2];
    this.phone = devices[3];
    this.phoneAgent = devices[4];
  }

  ZoneId zone() {
    return home.zone();
  }

  boolean isActive(int day) {
    return day >= activeFrom
        && day < activeUntil
        && !(day >= silentFrom && day < silentUntil)
        && !(day >= vacationStart && day < vacationEnd);
  }

  boolean isTravelling(int day) {
    return day >= tripStart && day < tripEnd;
  }

  String laptopOn(int day) {
    return newLaptopDay >= 0 && day >= newLaptopDay ? newLaptop : laptop;
  }

  /** Whether the user has ever been in the country before this day (home, site, or a trip). */
  boolean knowsCountry(String country) {
    return home.country().equals(country)
        || (tripCity != null && tripCity.country().equals(country));
  }
}
