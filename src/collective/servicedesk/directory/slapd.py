"""A throw-away OpenLDAP server with an Active Directory-like tree (tests, bench).

Debian's ``slapd`` runs as a child process in a temporary directory on a free
port (never the system service). The tree is written as one LDIF and loaded
with ``slapadd`` before the server starts, which takes about a second for
5 000 users; ``memberOf`` is written by us in that LDIF (``slapadd`` does not
run overlays) and kept up to date by the memberof overlay afterwards.
"""

from dataclasses import dataclass
from dataclasses import field
import base64
import hashlib
import os
import shutil
import socket
import subprocess
import tempfile
import time

SUFFIX = "dc=kommune,dc=test"
ADMIN_DN = f"cn=admin,{SUFFIX}"
ADMIN_PASSWORD = "admin-secret"
SERVICE_DN = f"cn=svc-plone,ou=service,{SUFFIX}"
SERVICE_PASSWORD = "svc-secret"
USERS_DN = f"ou=people,{SUFFIX}"
GROUPS_DN = f"ou=groups,{SUFFIX}"
PASSWORD = "Passord-123"
UPN_SUFFIX = "kommune.test"
# AD's userAccountControl: 512 normal account, 514 = 512 | ACCOUNTDISABLE (2).
ENABLED, DISABLED = "512", "514"

# The AD attributes we use, with the OIDs AD uses, plus matching rules
# (Debian's msuser.schema has none, so nothing could be searched by them).
AD_SCHEMA = """
attributetype ( 1.2.840.113556.1.4.221 NAME 'sAMAccountName'
  EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.4.656 NAME 'userPrincipalName'
  EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.4.8 NAME 'userAccountControl'
  EQUALITY integerMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )
attributetype ( 1.2.840.113556.1.2.141 NAME 'department'
  EQUALITY caseIgnoreMatch SUBSTR caseIgnoreSubstringsMatch
  SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )
objectclass ( 1.2.840.113556.1.5.9 NAME 'user' SUP inetOrgPerson STRUCTURAL
  MAY ( sAMAccountName $ userPrincipalName $ userAccountControl $ department ) )
objectclass ( 1.2.840.113556.1.5.8 NAME 'group' SUP top STRUCTURAL
  MUST cn MAY ( member $ sAMAccountName $ description $ displayName $ mail ) )
"""

CONFIG = """
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
include {root}/ad.schema
pidfile {root}/slapd.pid
argsfile {root}/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload memberof
{tls}
database mdb
maxsize 268435456
suffix "{suffix}"
rootdn "{admin}"
rootpw {admin_password}
directory {root}/db
index objectClass eq
index sAMAccountName,userPrincipalName,cn,displayName,mail,sn,givenName eq,sub
index member,memberOf,userAccountControl eq
sizelimit unlimited
access to attrs=userPassword by anonymous auth by self =xw by * none
access to * by dn.exact="{service}" read by self read by * none
overlay memberof
memberof-group-oc group
memberof-member-ad member
memberof-memberof-ad memberOf
memberof-refint true
"""

# A few staff with Norwegian letters (login names stay ASCII, as in AD).
NORWEGIAN = [
    ("aode", "Åse", "Ødegård", "Servicetorget"),
    ("bjaesoy", "Bjørn", "Æsøy", "Byggesak"),
    ("ksorlie", "Kåre", "Sørlie", "Helse og omsorg"),
    ("ohaland", "Øystein", "Håland", "Servicetorget"),
]
DEPARTMENTS = ["Servicetorget", "Byggesak", "Helse og omsorg", "Skole", "Teknisk"]
FIRST = ["Anne", "Per", "Kari", "Ola", "Ingrid", "Lars", "Marit", "Jon", "Nina", "Tor"]
LAST = ["Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Berg", "Dahl", "Lie"]


@dataclass
class Tree:
    """What was loaded: handy names for the tests."""

    users: int
    groups: int
    # group cn -> member cns (users or groups)
    members: dict[str, list[str]] = field(default_factory=dict)
    disabled: list[str] = field(default_factory=list)
    norwegian: list[str] = field(default_factory=list)

    def user_dn(self, login: str) -> str:
        return f"cn={login},{USERS_DN}"

    def group_dn(self, name: str) -> str:
        return f"cn={name},{GROUPS_DN}"


def _ssha(password: str, salt: bytes) -> str:
    digest = hashlib.sha1(password.encode() + salt).digest()  # noqa: S324 - LDAP {SSHA}
    return "{SSHA}" + base64.b64encode(digest + salt).decode()


def _attr(name: str, value: str) -> str:
    if value.isascii() and not value.startswith((" ", ":", "<")):
        return f"{name}: {value}"
    return f"{name}:: {base64.b64encode(value.encode()).decode()}"


def build_tree(users: int = 5000, groups: int = 300) -> tuple[str, Tree]:
    """Return (LDIF, Tree) of an AD-like tree with nested groups."""
    tree = Tree(users=users, groups=groups)
    # Service desk groups first (nested: the evening shift inside the front
    # desk; all specialist units inside "sd-all-units"), then departments.
    sd = ["sd-frontdesk", "sd-frontdesk-evening", "sd-building", "sd-health"]
    sd += ["sd-editors", "sd-leads", "sd-all-units"]
    names = sd + [f"dept-{n:03d}" for n in range(groups - len(sd))]
    for name in names:
        tree.members[name] = []
    logins = [row[0] for row in NORWEGIAN]
    logins += [f"user{n:04d}" for n in range(1, users - len(NORWEGIAN) + 1)]
    tree.norwegian = [row[0] for row in NORWEGIAN]
    salt = os.urandom(4)
    password = _ssha(PASSWORD, salt)
    people: list[str] = []
    for index, login in enumerate(logins):
        if index < len(NORWEGIAN):
            _login, given, surname, department = NORWEGIAN[index]
        else:
            given = FIRST[index % len(FIRST)]
            surname = f"{LAST[index % len(LAST)]} {index:04d}"
            department = DEPARTMENTS[index % len(DEPARTMENTS)]
        disabled = index % 100 == 99
        if disabled:
            tree.disabled.append(login)
        # Two department groups each; every 10th person also in a desk unit.
        member_of = [names[len(sd) + index % (groups - len(sd))]]
        member_of.append(names[len(sd) + (index * 7 + 3) % (groups - len(sd))])
        if index < 40:
            member_of.append(sd[[0, 1, 2, 3][index % 4]])
        elif index < 50:
            member_of.append("sd-editors" if index < 45 else "sd-leads")
        member_of = list(dict.fromkeys(member_of))
        for group in member_of:
            tree.members[group].append(login)
        people.append(
            "\n".join(
                [
                    f"dn: cn={login},{USERS_DN}",
                    "objectClass: user",
                    f"cn: {login}",
                    _attr("sn", surname),
                    _attr("givenName", given),
                    _attr("displayName", f"{given} {surname}"),
                    f"sAMAccountName: {login}",
                    f"userPrincipalName: {login}@{UPN_SUFFIX}",
                    f"mail: {login}@{UPN_SUFFIX}",
                    f"telephoneNumber: +47 55 {index:06d}",
                    _attr("department", department),
                    _attr("title", "Rådgiver"),
                    f"userAccountControl: {DISABLED if disabled else ENABLED}",
                    f"userPassword: {password}",
                ]
                + [f"memberOf: cn={g},{GROUPS_DN}" for g in member_of]
            )
        )
    nested = {"sd-frontdesk-evening": "sd-frontdesk"}
    for unit in ("sd-frontdesk", "sd-building", "sd-health"):
        nested.setdefault(unit, "sd-all-units")
    for child, parent in nested.items():
        tree.members[parent].append(child)
    entries = [
        f"dn: {SUFFIX}\nobjectClass: dcObject\nobjectClass: organization\n"
        "dc: kommune\no: Kommune",
        f"dn: ou=service,{SUFFIX}\nobjectClass: organizationalUnit\nou: service",
        f"dn: {SERVICE_DN}\nobjectClass: person\ncn: svc-plone\nsn: Plone\n"
        f"userPassword: {_ssha(SERVICE_PASSWORD, salt)}",
        f"dn: {USERS_DN}\nobjectClass: organizationalUnit\nou: people",
        f"dn: {GROUPS_DN}\nobjectClass: organizationalUnit\nou: groups",
    ]
    for name in names:
        lines = [
            f"dn: cn={name},{GROUPS_DN}",
            "objectClass: group",
            f"cn: {name}",
            f"sAMAccountName: {name}",
            f"displayName: {name.replace('-', ' ').title()}",
        ]
        for member in tree.members[name]:
            base = GROUPS_DN if member in tree.members else USERS_DN
            lines.append(f"member: cn={member},{base}")
        if name in nested:
            lines.append(f"memberOf: cn={nested[name]},{GROUPS_DN}")
        entries.append("\n".join(lines))
    return "\n\n".join(entries + people) + "\n", tree


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _self_signed(root: str) -> tuple[str, str]:
    cert, key = os.path.join(root, "cert.pem"), os.path.join(root, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"]
        + ["-keyout", key, "-out", cert, "-subj", "/CN=localhost"]
        + ["-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
        check=True,
        capture_output=True,
    )
    return cert, key


class Slapd:
    """Start, stop and restart a private slapd."""

    def __init__(self, users: int = 5000, groups: int = 300, tls: bool = True):
        self.root = tempfile.mkdtemp(prefix="servicedesk-slapd-")
        self.port = free_port()
        self.uri = f"ldap://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.cacert = ""
        ldif, self.tree = build_tree(users, groups)
        tls_lines = ""
        if tls and shutil.which("openssl"):
            cert, key = _self_signed(self.root)
            self.cacert = cert
            tls_lines = f"TLSCertificateFile {cert}\nTLSCertificateKeyFile {key}"
        os.makedirs(os.path.join(self.root, "db"))
        with open(os.path.join(self.root, "ad.schema"), "w") as handle:
            handle.write(AD_SCHEMA)
        self.config = os.path.join(self.root, "slapd.conf")
        with open(self.config, "w") as handle:
            handle.write(
                CONFIG.format(
                    root=self.root,
                    tls=tls_lines,
                    suffix=SUFFIX,
                    admin=ADMIN_DN,
                    admin_password=ADMIN_PASSWORD,
                    service=SERVICE_DN,
                )
            )
        path = os.path.join(self.root, "tree.ldif")
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(ldif)
        subprocess.run(
            ["slapadd", "-q", "-f", self.config, "-l", path],
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["slapd", "-d", "0", "-f", self.config, "-h", self.uri + "/"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                return
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(self.process.stderr.read().decode()) from None
                time.sleep(0.05)
        raise RuntimeError("slapd did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
        self.process = None

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)

    def admin(self):
        """A python-ldap connection bound as the directory's administrator."""
        import ldap

        connection = ldap.initialize(self.uri)
        connection.simple_bind_s(ADMIN_DN, ADMIN_PASSWORD)
        return connection
