-- The identity provider's userName of a person when it is not their e-mail address (Microsoft
-- Entra ID sends the user principal name, which may differ from the mail attribute): kept so that
-- the provider finds the person again by the userName it gave. user_name_key is its lower case:
-- userName is not case-exact (RFC 7643), and unique.
create table scim_user_name (
    person_id uuid primary key references person (id),
    user_name varchar(320) not null,
    user_name_key varchar(320) not null
);
create unique index scim_user_name_key on scim_user_name (user_name_key);
