//! Encryption to the desk server. Whatever the URL's sslmode asks (prefer, by default: TLS
//! when the server offers it), the server's certificate must be signed by the authority
//! PGSSLROOTCERT names, when it names one (only it, as psql's sslrootcert), or else by an
//! authority this machine trusts.

use std::sync::Arc;

use anyhow::{Context as _, Result, anyhow};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use rustls::{ClientConfig, RootCertStore};
use tokio_postgres_rustls::MakeRustlsConnect;

/// The connector for every connection to a desk server.
pub fn connector() -> Result<MakeRustlsConnect> {
    let mut roots = RootCertStore::empty();
    let named = std::env::var_os("PGSSLROOTCERT").filter(|p| !p.is_empty());
    // Reading the machine's store is most of a short command's own time; with a CA named,
    // it is not needed.
    if named.is_none() {
        for cert in rustls_native_certs::load_native_certs().certs {
            let _ = roots.add(cert);
        }
    }
    if let Some(path) = named {
        let shown = std::path::Path::new(&path).display().to_string();
        let certs = CertificateDer::pem_file_iter(&path)
            .map_err(|e| anyhow!("cannot read PGSSLROOTCERT {shown}: {e}"))?;
        for cert in certs {
            let cert = cert.map_err(|e| anyhow!("PGSSLROOTCERT {shown} is not PEM: {e}"))?;
            roots
                .add(cert)
                .with_context(|| format!("PGSSLROOTCERT {shown} holds a bad certificate"))?;
        }
    }
    let mut provider = rustls::crypto::ring::default_provider();
    // PostgreSQL before 18 accepts only P-256 unless its ssl_ecdh_curve is changed: a first
    // offer of X25519 costs a HelloRetryRequest, one more round trip on every connection.
    provider
        .kx_groups
        .sort_by_key(|group| group.name() != rustls::NamedGroup::secp256r1);
    let provider = Arc::new(provider);
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(MakeRustlsConnect::new(config))
}

/// Whether a failed connection failed on the server's certificate.
pub fn untrusted(cause: &str) -> bool {
    cause.contains("invalid peer certificate") || cause.contains("UnknownIssuer")
}
