"""TLS is verified against the system trust store, plus a company CA file where configured: a
real TLS server on 127.0.0.1 whose certificate a throwaway "company" CA signed."""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import ssl
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from screenpop.core.errors import ConfigError
from screenpop.superoffice.auth import AuthKind, make_auth
from screenpop.superoffice.client import SuperOfficeClient
from screenpop.superoffice.errors import TenantUnreachableError
from screenpop.superoffice.httpclient import make_http_client, tls_context
from screenpop.superoffice.retry import NO_RETRY
from screenpop.superoffice.tenant import Tenant


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def _certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A company CA and a server certificate for 127.0.0.1 it signed: (ca, cert, key)."""
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder().subject_name(_name("Example Corp CA")).issuer_name(
            _name("Example Corp CA")).public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number()).not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True,
                                     content_commitment=False, key_encipherment=False,
                                     data_encipherment=False, key_agreement=False,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder().subject_name(_name("crm.example")).issuer_name(ca.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now).not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName(
            [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]),
                       critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    paths = folder / "ca.pem", folder / "server.pem", folder / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


@pytest.fixture
async def tls_server(tmp_path: Path) -> AsyncIterator[tuple[str, Path]]:
    """An HTTPS server answering every request with ``null``; yields its URL and CA file."""
    ca, cert, key = _certificates(tmp_path)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await reader.readuntil(b"\r\n\r\n")
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 4\r\nConnection: close\r\n\r\nnull")  # fmt: skip
            await writer.drain()
        except (OSError, asyncio.IncompleteReadError, ssl.SSLError):
            pass  # the client refused our certificate: that is the point of one test
        finally:
            writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0, ssl=context)
    port = server.sockets[0].getsockname()[1]
    async with server:
        yield f"https://127.0.0.1:{port}/SuperOffice", ca
        server.close()


async def test_a_company_ca_file_is_trusted(tls_server: tuple[str, Path]) -> None:
    url, ca = tls_server
    async with make_http_client(ca_file=ca) as http:
        client = SuperOfficeClient(http, Tenant.parse(url), make_auth(AuthKind.BASIC, "a", "b"))
        assert await client.fetch_caller_ids("h") is None  # "null": unchanged


async def test_without_it_the_certificate_is_refused(tls_server: tuple[str, Path]) -> None:
    url, _ = tls_server
    async with make_http_client() as http:
        auth = make_auth(AuthKind.BASIC, "a", "b")
        client = SuperOfficeClient(http, Tenant.parse(url), auth, retry=NO_RETRY)
        with pytest.raises(TenantUnreachableError, match="TLS certificate could not be verified"):
            await client.fetch_caller_ids("h")


@pytest.mark.parametrize("content", [None, b"not a certificate"])
def test_an_unusable_ca_file_is_one_line(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "company-ca.pem"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ConfigError, match="Cannot use the company CA file") as caught:
        tls_context(path)
    assert "\n" not in caught.value.message
