package org.tcentre.gdpr.access;

import org.tcentre.gdpr.declaration.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tcentre.gdpr.audit.AuditLog;

/**
 * Users, their teams and their API tokens. No user exists until an operator adds one; a token is shown once,
 * when the user is added, and only its SHA-256 is stored (tokens are 256 random bits, so a fast hash is as
 * safe as a slow one, and lets every request be checked with one indexed lookup).
 */
@Component
public class UserAccounts {

    /** Every token starts with this, so that leaked tokens are easy to recognise in logs and scanners. */
    public static final String TOKEN_PREFIX = "gdpr_";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    private static final Pattern TEAM = Pattern.compile("[^\\p{Cntrl}]{1,100}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long a known token is trusted without asking the database again. */
    static final Duration REMEMBERED = Duration.ofSeconds(60);

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

    private record Remembered(Caller caller, long at) {
    }

    public UserAccounts(JdbcClient jdbc, PlatformTransactionManager transactions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.audit = audit;
        this.clock = clock;
    }

    /** A user just added, with the token that will never be shown again. */
    public record NewUser(Caller user, String token) {
    }

    /** A user as listed for operators: never the token or its hash. */
    public record UserSummary(String name, Role role, String team, OffsetDateTime createdAt) {
    }

    /** Refused input: a bad name, a missing or superfluous team, a name already taken. */
    public static final class InvalidUserException extends RuntimeException {
        InvalidUserException(String message) {
            super(message);
        }
    }

    /**
     * Adds a user (and the team, when it is new) and returns its token.
     *
     * @param operator who adds it, for the audit trail
     */
    public NewUser add(String name, Role role, String team, String operator) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidUserException("a user name is 1 to 100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
        }
        if (role == Role.PRODUCT_TEAM && (team == null || team.isBlank())) {
            throw new InvalidUserException("a PRODUCT_TEAM user needs --team: the team whose declarations it submits and reads");
        }
        if (role != Role.PRODUCT_TEAM && team != null) {
            throw new InvalidUserException("only PRODUCT_TEAM users belong to a team; a " + role + " sees every team");
        }
        String teamName = team == null ? null : team.strip();
        if (teamName != null && !TEAM.matcher(teamName).matches()) {
            throw new InvalidUserException("a team name is 1 to 100 characters without control characters");
        }
        String token = newToken();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return transaction.execute(status -> {
            if (jdbc.sql("select count(*) from users where name = ?").param(name).query(Long.class).single() > 0) {
                throw new InvalidUserException("the user '" + name + "' already exists");
            }
            if (teamName != null
                    && jdbc.sql("select count(*) from teams where name = ?").param(teamName).query(Long.class).single() == 0) {
                jdbc.sql("insert into teams (name, created_at) values (?, ?)").params(teamName, now).update();
            }
            jdbc.sql("insert into users (name, role, team, token_sha256, created_at) values (?, ?, ?, ?, ?)")
                    .params(name, role.name(), teamName, sha256(token), now)
                    .update();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("role", role.name());
            details.put("team", teamName);
            audit.append(operator, "user.added", "user/" + name, details);
            return new NewUser(new Caller(name, role, teamName), token);
        });
    }

    /**
     * Removes a user, and with it its token: the way to revoke a token (add the user again for a new one). Its past
     * submissions, evaluations and audit entries stay, under its name. A service instance that saw the token in the
     * last {@link #REMEMBERED} may accept it until then.
     *
     * @param operator who revokes it, for the audit trail
     */
    public void revoke(String name, String operator) {
        transaction.executeWithoutResult(status -> {
            var user = jdbc.sql("select role, team from users where name = ?").param(name)
                    .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).optional()
                    .orElseThrow(() -> new InvalidUserException("there is no user '" + name + "'"));
            jdbc.sql("delete from users where name = ?").param(name).update();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("role", user[0]);
            details.put("team", user[1]);
            audit.append(operator, "user.revoked", "user/" + name, details);
        });
        recent.values().removeIf(r -> r.caller().name().equals(name));
    }

    /**
     * The user holding this token, if any. A known token is remembered for {@link #REMEMBERED} so that a client's
     * stream of requests costs one lookup a minute, not one each; unknown tokens are never remembered.
     */
    public Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 200) {
            return Optional.empty();
        }
        String hash = sha256(token);
        long now = System.nanoTime();
        Remembered remembered = recent.get(hash);
        if (remembered != null && now - remembered.at() < REMEMBERED.toNanos()) {
            return Optional.of(remembered.caller());
        }
        Optional<Caller> caller = jdbc.sql("select name, role, team from users where token_sha256 = ?")
                .param(hash)
                .query((rs, row) -> new Caller(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3)))
                .optional();
        if (caller.isPresent()) {
            if (recent.size() >= 10_000) {
                recent.clear();
            }
            recent.put(hash, new Remembered(caller.get(), now));
        } else {
            recent.remove(hash);
        }
        return caller;
    }


    public List<UserSummary> list() {
        return jdbc.sql("select name, role, team, created_at from users order by name")
                .query((rs, row) -> new UserSummary(rs.getString(1), Role.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        return Sha256.hex(token);
    }
}
