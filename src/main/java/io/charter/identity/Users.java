package io.charter.identity;

import static io.charter.platform.Utc.instant;
import static io.charter.platform.Utc.odt;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.charter.shared.Role;

/** The users table. */
@Repository
public class Users {

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count() {
		return jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	long countActiveAdmins() {
		return jdbc.sql("select roles from app_user where active = true").query(String.class).list().stream()
				.filter(r -> Roles.parse(r).contains(Role.ADMIN)).count();
	}

	public Optional<UserAccount> findByEmail(String email) {
		return jdbc.sql("select * from app_user where email = :email")
				.param("email", UserAccount.normalise(email)).query(this::map).optional();
	}

	public Optional<UserAccount> findById(UUID id) {
		return jdbc.sql("select * from app_user where id = :id").param("id", id).query(this::map).optional();
	}

	List<UserAccount> findAll() {
		return jdbc.sql("select * from app_user order by lower(display_name), email").query(this::map).list();
	}

	void insert(UserAccount u) {
		jdbc.sql("""
				insert into app_user (id, email, display_name, password_hash, roles, language, active,
				  failed_logins, created_at, last_login_at)
				values (:id, :email, :name, :hash, :roles, :lang, :active, :failed, :created, :last)
				""").param("id", u.id).param("email", u.email).param("name", u.displayName)
				.param("hash", u.passwordHash).param("roles", Roles.format(u.roles)).param("lang", u.language)
				.param("active", u.active).param("failed", u.failedLogins)
				.param("created", odt(u.createdAt)).param("last", odt(u.lastLoginAt)).update();
	}

	void update(UserAccount u) {
		jdbc.sql("""
				update app_user set email = :email, display_name = :name, password_hash = :hash, roles = :roles,
				  language = :lang, active = :active, failed_logins = :failed,
				  last_login_at = :last, restricted_at = :restricted, erased_at = :erased
				where id = :id
				""").param("id", u.id).param("email", u.email).param("name", u.displayName).param("hash", u.passwordHash)
				.param("roles", Roles.format(u.roles)).param("lang", u.language).param("active", u.active)
				.param("failed", u.failedLogins).param("last", odt(u.lastLoginAt))
				.param("restricted", odt(u.restrictedAt)).param("erased", odt(u.erasedAt)).update();
	}

	private UserAccount map(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("display_name"),
				rs.getString("password_hash"), Roles.parse(rs.getString("roles")), rs.getString("language"),
				rs.getBoolean("active"), rs.getInt("failed_logins"),
				instant(rs, "created_at"), instant(rs, "last_login_at"), instant(rs, "restricted_at"),
				instant(rs, "erased_at"));
	}
}
