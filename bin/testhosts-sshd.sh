# shellcheck shell=bash
# The SSH side of bin/testhosts: installing openssh-server, the test key, one sshd per host, and
# the files an SSH client needs (ssh_config, known_hosts, hostfile). Sourced, not run; needs
# bin/testhosts-lib.sh and the in_host function of bin/testhosts.

SSHD=/usr/sbin/sshd

# ensure_sshd_installed: installs openssh-server with apt-get when sshd is missing, without
# starting the machine's own sshd (the tests want no sshd in the root namespace), or fails with
# one line saying what to do.
ensure_sshd_installed() {
  if [ ! -x "$SSHD" ] || ! command -v ssh-keygen >/dev/null 2>&1 || ! command -v ssh >/dev/null 2>&1; then
    command -v apt-get >/dev/null 2>&1 ||
      die "sshd is not installed and there is no apt-get to install it; install OpenSSH's server and client"
    local log=/tmp/cspjob-testhosts-apt.log
    echo "testhosts: installing openssh-server with apt-get (log: $log) ..." >&2
    if ! install_without_starting_services openssh-server >"$log" 2>&1; then
      apt-get update -q >>"$log" 2>&1 || true
      install_without_starting_services openssh-server >>"$log" 2>&1 ||
        die "could not install openssh-server with apt-get (see $log); install it by hand: apt-get install openssh-server"
    fi
    rm -f "$log"
  fi
  # sshd's privilege separation needs this empty folder; the package's service would make it.
  mkdir -p /run/sshd
  chmod 755 /run/sshd
}

# install_without_starting_services PACKAGE...: Debian's policy-rc.d hook (exit 101 = "do not
# start") keeps maintainer scripts from starting the package's service; an existing hook is kept.
install_without_starting_services() {
  (
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      trap 'rm -f /usr/sbin/policy-rc.d' EXIT
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
      chmod 755 /usr/sbin/policy-rc.d
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@"
  )
}

# create_client_key: root's key for the tests, authorized on every host.
create_client_key() {
  ssh-keygen -q -t ed25519 -N '' -C "cspjob-testhosts" -f "$TESTHOSTS_DIR/id_ed25519"
  cp "$TESTHOSTS_DIR/id_ed25519.pub" "$TESTHOSTS_DIR/authorized_keys"
}

# start_sshd NAME: a host key, a config, and sshd listening on the host's address, inside the host.
start_sshd() {
  local name=$1 dir address
  dir=$(host_dir "$name")
  address=$(host_address "$name")
  ssh-keygen -q -t ed25519 -N '' -C "$name" -f "$dir/ssh_host_ed25519_key"
  cat >"$dir/sshd_config" <<EOF
# sshd of test host $name, written by bin/testhosts.
ListenAddress $address:22
HostKey $dir/ssh_host_ed25519_key
PidFile $dir/sshd.pid
AuthorizedKeysFile $TESTHOSTS_DIR/authorized_keys
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
# No PAM: it would need the machine's PAM setup for sshd and adds nothing for key logins.
UsePAM no
# The default state folder is under /tmp (mode 1777), which StrictModes refuses.
StrictModes no
# The launcher's tests open many sessions at once.
MaxStartups 200
MaxSessions 200
PrintMotd no
UseDNS no
LogLevel VERBOSE
Subsystem sftp internal-sftp
EOF
  # sshd binds its address before it forks into the background, so it listens once this returns.
  if ! in_host "$name" "$SSHD" -f "$dir/sshd_config" -E "$dir/sshd.log"; then
    die "sshd did not start on $name ($address); its log $dir/sshd.log ends with: $(tail -n 3 "$dir/sshd.log" 2>/dev/null | tr '\n' ' ')"
  fi
  wait_for_file "$dir/sshd.pid" ||
    die "sshd on $name ($address) wrote no pid file $dir/sshd.pid; see $dir/sshd.log"
}

# wait_for_file PATH: up to 2 s.
wait_for_file() {
  local _
  for _ in {1..40}; do
    [ -s "$1" ] && return 0
    sleep 0.05
  done
  return 1
}

# write_client_files NAME...: for the hosts that run sshd, the files a client needs:
#   known_hosts  each host's key under its name and its address (checked strictly)
#   ssh_config   `ssh -F ssh_config cspjob-h1` needs nothing else
#   hostfile     one host name a line
write_client_files() {
  local name
  : >"$TESTHOSTS_DIR/known_hosts"
  : >"$TESTHOSTS_DIR/hostfile"
  for name in "$@"; do
    printf '%s,%s %s\n' "$name" "$(host_address "$name")" \
      "$(cut -d' ' -f1,2 "$(host_dir "$name")/ssh_host_ed25519_key.pub")" >>"$TESTHOSTS_DIR/known_hosts"
    printf '%s\n' "$name" >>"$TESTHOSTS_DIR/hostfile"
  done
  cat >"$TESTHOSTS_DIR/ssh_config" <<EOF
# Client settings for the cspjob test hosts, written by bin/testhosts: ssh -F $TESTHOSTS_DIR/ssh_config cspjob-h1
Host ${HOST_PREFIX}* $TESTHOSTS_NET.*
  User root
  Port 22
  IdentityFile $TESTHOSTS_DIR/id_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile $TESTHOSTS_DIR/known_hosts
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  UpdateHostKeys no
  BatchMode yes
  ConnectTimeout 5
  LogLevel ERROR
EOF
}
