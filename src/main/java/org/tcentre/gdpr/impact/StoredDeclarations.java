package org.tcentre.gdpr.impact;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.tcentre.gdpr.declaration.DeclarationDocument;
import org.tcentre.gdpr.declaration.DeclarationReader;
import org.tcentre.gdpr.declaration.InvalidDeclarationException;

/**
 * The declarations stored by the service ({@code declarations} table): by default the latest of each product, or
 * every stored version.
 *
 * <p>The latest only, by default, because a preview answers "what would this change do to our products as they
 * are now": an older version has been superseded by its product's team, and counting its findings again would
 * report the same product's change several times over. Every version is there for the rare question about history.
 *
 * <p>Read in pages of {@value #PAGE} rows by primary key (keyset paging: each page a short query, no long-lived
 * cursor or transaction, the same SQL on H2 and PostgreSQL), so memory holds one page at a time whatever the table
 * holds. Stored declarations were validated when submitted, so they are read with
 * {@link DeclarationReader#readStored}, which does not validate them again.
 */
public final class StoredDeclarations implements DeclarationSource {

    static final int PAGE = 500;

    /** The row is the latest of its product: no later one, ties broken by id. */
    private static final String LATEST = """
            not exists (select 1 from declarations n where n.product_id = d.product_id
                and (n.submitted_at > d.submitted_at or (n.submitted_at = d.submitted_at and n.id > d.id)))""";

    private final DataSource dataSource;
    private final boolean allVersions;
    private final DeclarationReader reader = new DeclarationReader();

    /**
     * @param allVersions every stored version instead of the latest of each product
     */
    public StoredDeclarations(DataSource dataSource, boolean allVersions) {
        this.dataSource = dataSource;
        this.allVersions = allVersions;
    }

    @Override
    public long count() throws IOException {
        String sql = "select count(*) from declarations d" + (allVersions ? "" : " where " + LATEST);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IOException("the stored declarations cannot be counted: " + e.getMessage(), e);
        }
    }

    @Override
    public void forEach(Sink sink) throws IOException, InterruptedException {
        String columns = "select d.id, d.source, d.format, d.content, d.sha256 from declarations d";
        String first = columns + (allVersions ? "" : " where " + LATEST) + " order by d.id fetch first " + PAGE + " rows only";
        String next = columns + " where d.id > ?" + (allVersions ? "" : " and " + LATEST)
                + " order by d.id fetch first " + PAGE + " rows only";
        UUID after = null;
        try (Connection connection = dataSource.getConnection()) {
            while (true) {
                int rows = 0;
                try (PreparedStatement statement = connection.prepareStatement(after == null ? first : next)) {
                    if (after != null) {
                        statement.setObject(1, after);
                    }
                    try (ResultSet page = statement.executeQuery()) {
                        while (page.next()) {
                            rows++;
                            after = page.getObject(1, UUID.class);
                            sink.accept(new PendingDeclaration(after.toString(), page.getString(2), page.getString(3),
                                    page.getBytes(4), page.getString(5).strip(), null));
                        }
                    }
                }
                if (rows < PAGE) {
                    return;
                }
            }
        } catch (SQLException e) {
            throw new IOException("the stored declarations cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public DeclarationDocument read(PendingDeclaration pending) throws InvalidDeclarationException {
        return reader.readStored(pending.bytes(), pending.source(), pending.format(), pending.sha256());
    }

    @Override
    public String description() {
        return allVersions ? "every stored declaration (all versions)" : "the latest stored declaration of each product";
    }
}
