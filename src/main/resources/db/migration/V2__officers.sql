-- Enforcement officers (执法人员) and their enforcement certificates (执法证), see ../shared/DOMAIN.md.
-- The ID number is never stored in clear: a keyed hash (HMAC-SHA256, key from a Secret) finds a person
-- again, the masked form is what is shown.

create table officer (
    id               bigint generated always as identity primary key,
    name             varchar(100) not null,
    id_number_hash   char(64)     not null check (id_number_hash ~ '^[0-9a-f]{64}$'),
    id_number_masked varchar(18)  not null check (id_number_masked ~ '^[0-9]{6}[*]{8}[0-9]{3}[0-9X]$'),
    department_code  varchar(32)  not null references department (code),
    -- The officer's SSO user name (the token's principal name): binds e-credentials to their holder.
    account          varchar(200),
    photo_ref        varchar(500),
    created_at       timestamptz  not null default now(),
    updated_at       timestamptz  not null default now(),
    constraint officer_id_number_hash_uk unique (id_number_hash),
    constraint officer_account_uk unique (account)
);
create index officer_department_idx on officer (department_code);

-- One certificate per issuing body and number; ministry- and province-issued certificates coexist.
create table certificate (
    id              bigint generated always as identity primary key,
    -- Random, unguessable reference carried by e-credential tokens instead of anything personal.
    public_id       uuid         not null,
    officer_id      bigint       not null references officer (id),
    issuer          varchar(64)  not null check (issuer ~ '^[A-Za-z0-9_-]{2,64}$'),
    cert_no         varchar(32)  not null check (char_length(cert_no) between 8 and 32),
    kind            varchar(12)  not null check (kind in ('MINISTRY', 'PROVINCIAL')),
    valid_from      date         not null,
    valid_to        date         not null,
    status          varchar(12)  not null check (status in ('VALID', 'SUSPENDED', 'REVOKED')),
    department_code varchar(32)  not null references department (code),
    version         integer      not null check (version >= 1),
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    constraint certificate_issuer_cert_no_uk unique (issuer, cert_no),
    constraint certificate_public_id_uk unique (public_id),
    constraint certificate_validity_ck check (valid_to >= valid_from)
);
create index certificate_officer_idx on certificate (officer_id);
create index certificate_department_idx on certificate (department_code);

-- Enforcement categories (执法门类) a certificate covers, in the codes of catalog_item.sector_code:
-- a certificate covers an item when the item's sector is one of them.
create table certificate_category (
    certificate_id bigint      not null references certificate (id) on delete cascade,
    category_code  varchar(32) not null check (category_code ~ '^[A-Z0-9_]{2,32}$'),
    primary key (certificate_id, category_code)
);
