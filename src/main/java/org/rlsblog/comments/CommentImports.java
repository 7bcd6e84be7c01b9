package org.rlsblog.comments;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores comments from elsewhere that are not stored yet. It runs at every start ({@code
 * content/comments/}), so it looks up what is stored in a few queries and writes
 * {@value #BATCH_SIZE} comments to a commit rather than one (see docs/benchmarks.md).
 */
@Component
class CommentImports {

    /** How many imported comments share one transaction (and one commit). */
    static final int BATCH_SIZE = 500;

    private final ImportRecords records;
    private final CommentWrites writes;
    private final CommentVersions versions;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CommentImports(
            ImportRecords records,
            CommentWrites writes,
            CommentVersions versions,
            TransactionTemplate transactions,
            Clock clock,
            ApplicationEventPublisher events) {
        this.records = records;
        this.writes = writes;
        this.versions = versions;
        this.transactions = transactions;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Stores the comments not stored yet, parents before replies (the list must be in that order),
     * and returns how many were added. A comment deleted since it was imported (by the moderator,
     * or purged as spam or trash) is not imported again. When another replica stores some of the
     * same comments at the same moment, the batch that meets them is written again one at a time.
     */
    int importComments(List<ImportedComment> comments) {
        Set<String> keys = new HashSet<>();
        for (ImportedComment c : comments) {
            keys.add(c.importKey());
            if (c.parentImportKey() != null) {
                keys.add(c.parentImportKey());
            }
        }
        Map<String, Long> ids = new HashMap<>(records.findIdsByImportKeys(keys));
        Set<String> deleted = records.findDeletedImportKeys(keys);
        List<ImportedComment> missing = new ArrayList<>();
        for (ImportedComment c : comments) {
            if (!ids.containsKey(c.importKey()) && !deleted.contains(c.importKey())) {
                missing.add(c);
            }
        }
        int added = 0;
        Set<String> touched = new TreeSet<>();
        for (int from = 0; from < missing.size(); from += BATCH_SIZE) {
            List<ImportedComment> batch = missing.subList(from, Math.min(missing.size(), from + BATCH_SIZE));
            List<ImportedComment> stored = new ArrayList<>();
            try {
                ids.putAll(importBatch(batch, ids));
                stored.addAll(batch);
            } catch (DuplicateKeyException anotherReplicaWasFirst) {
                for (ImportedComment c : batch) {
                    if (importOne(c)) {
                        stored.add(c);
                    }
                }
                ids.putAll(records.findIdsByImportKeys(
                        batch.stream().map(ImportedComment::importKey).toList()));
            }
            stored.forEach(c -> touched.add(c.postSlug()));
            added += stored.size();
        }
        touched.forEach(slug -> events.publishEvent(new CommentChanged(slug)));
        return added;
    }

    /** Whether a file of comments with this SHA-256 was imported whole before (see {@link #markImportedFile}). */
    boolean isImportedFile(String sha256) {
        return records.isImportedFile(sha256);
    }

    /** Records that every comment of a file with this SHA-256 was imported, so an unchanged file is skipped. */
    void markImportedFile(String sha256) {
        records.markImportedFile(sha256, clock.instant());
    }

    /** Writes the batch in one transaction; returns the new ids by import key. */
    private Map<String, Long> importBatch(List<ImportedComment> batch, Map<String, Long> storedIds) {
        Set<String> slugs = new TreeSet<>();
        batch.forEach(c -> slugs.add(c.postSlug()));
        slugs.forEach(versions::prepare);
        return transactions.execute(status -> {
            Map<String, Long> newIds = new HashMap<>();
            for (ImportedComment c : batch) {
                Long parentId = c.parentImportKey() == null
                        ? null
                        : newIds.getOrDefault(c.parentImportKey(), storedIds.get(c.parentImportKey()));
                newIds.put(c.importKey(), writes.insert(row(c, parentId), clock.instant()));
            }
            slugs.forEach(versions::bump);
            return newIds;
        });
    }

    /** Stores one comment unless it is stored already; true if it was added. */
    private boolean importOne(ImportedComment c) {
        if (records.findIdByImportKey(c.importKey()).isPresent()) {
            return false;
        }
        Long parentId = c.parentImportKey() == null
                ? null
                : records.findIdByImportKey(c.parentImportKey()).orElse(null);
        try {
            versions.change(c.postSlug(), () -> writes.insert(row(c, parentId), clock.instant()));
            return true;
        } catch (DuplicateKeyException anotherReplicaWasFirst) {
            return false; // replicas starting together import the same file; the unique key keeps one
        }
    }

    private static NewRow row(ImportedComment c, @Nullable Long parentId) {
        return NewRow.builder()
                .postSlug(c.postSlug())
                .parentId(parentId)
                .author(c.author().withStoredEmail())
                .body(c.body())
                .status(c.status())
                .byAuthor(c.byAuthor())
                .importKey(c.importKey())
                .createdAt(c.createdAt())
                .build();
    }
}
