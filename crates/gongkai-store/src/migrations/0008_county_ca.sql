-- The county portal's own CA certificate (PEM), for a county whose HTTPS certificate is not
-- issued by a CA the operating system trusts. Public data: it is what the client checks the
-- portal against.
ALTER TABLE sync_identity ADD COLUMN county_ca_pem TEXT;
