# shellcheck shell=bash disable=SC2034 # the variables are used by the scripts that source this file
# Shared by bin/testhosts and bin/testhosts-selftest: the names, addresses and paths of the test
# hosts, in one place. Sourced, not run.
#
# Settings (environment; the same values must be used for `up` and `down`):
#   CSPJOB_TESTHOSTS_DIR  state folder: keys, ssh_config, known_hosts, sshd configs and logs
#                         (default /tmp/cspjob-testhosts)
#   CSPJOB_TESTHOSTS_NET  the first three octets of the private /24 the hosts live in
#                         (default 10.77.0: the root namespace is .1, cspjob-hI is .(10+I))

TESTHOSTS_DIR=${CSPJOB_TESTHOSTS_DIR:-/tmp/cspjob-testhosts}
TESTHOSTS_NET=${CSPJOB_TESTHOSTS_NET:-10.77.0}
HOST_PREFIX=cspjob-h            # host I is named cspjob-hI, and so is its network namespace
BRIDGE=cspjob-br0               # in the root namespace; one veth per host is plugged into it
ROOT_NAME=cspjob-root           # the root namespace's name on the test network (address .1)
MAX_HOSTS=200                   # .11 .. .210
# Marks the block of /etc/hosts lines that `up` adds and `down` removes.
HOSTS_BEGIN="# cspjob-testhosts begin (added by bin/testhosts up; removed by bin/testhosts down)"
HOSTS_END="# cspjob-testhosts end"
# Present in a state folder that testhosts made: `down` deletes no folder without it.
STATE_MARKER=.cspjob-testhosts

die() {
  echo "testhosts: $*" >&2
  exit 1
}

# check_settings: fails with one line when a setting is unusable.
check_settings() {
  [[ $TESTHOSTS_NET =~ ^[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]] ||
    die "CSPJOB_TESTHOSTS_NET='$TESTHOSTS_NET' is not three octets such as 10.77.0"
  [[ $TESTHOSTS_DIR == /* && $TESTHOSTS_DIR != / ]] ||
    die "CSPJOB_TESTHOSTS_DIR='$TESTHOSTS_DIR' must be an absolute path other than /"
}

# host_name I: prints the name of host I.
host_name() {
  printf '%s%d' "$HOST_PREFIX" "$1"
}

# host_index NAME: prints I for cspjob-hI; fails (status 1, no output) for any other name.
host_index() {
  [[ $1 =~ ^${HOST_PREFIX}([1-9][0-9]*)$ ]] && ((BASH_REMATCH[1] <= MAX_HOSTS)) || return 1
  printf '%d' "${BASH_REMATCH[1]}"
}

# host_address NAME: prints the IPv4 address of a test host.
host_address() {
  local index
  index=$(host_index "$1") || die "'$1' is not a test host name (cspjob-h1 .. cspjob-h$MAX_HOSTS)"
  printf '%s.%d' "$TESTHOSTS_NET" $((10 + index))
}

root_address() {
  printf '%s.1' "$TESTHOSTS_NET"
}

# veth_of NAME: the root-namespace end of the host's link (its other end is eth0 in the host).
veth_of() {
  printf 've-%s' "$1"
}

host_dir() {
  printf '%s/%s' "$TESTHOSTS_DIR" "$1"
}

# existing_hosts: prints the test hosts that exist now (their network namespaces), one a line.
existing_hosts() {
  ip netns list 2>/dev/null | awk '{print $1}' | grep -E "^${HOST_PREFIX}[0-9]+$" | sort -V || true
}
