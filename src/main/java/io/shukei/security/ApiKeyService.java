package io.shukei.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.shukei.config.ShukeiConfig;
import io.shukei.http.Page;
import io.shukei.http.PageParams;
import io.shukei.problem.ProblemException;


@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class ApiKeyService {

    private final ApiKeyRepository keys;
    private final UnitPathRepository unitPaths;
    private final Access access;
    private final AuditService audit;
    private final Optional<String> bootstrapKey;

    ApiKeyService(ApiKeyRepository keys, UnitPathRepository unitPaths, Access access, AuditService audit,
                  ShukeiConfig config) {
        this.keys = keys;
        this.unitPaths = unitPaths;
        this.access = access;
        this.audit = audit;
        this.bootstrapKey = config.bootstrapAdminKey().filter(k -> !k.isBlank());
    }

    /** The caller a bearer key stands for; a 401 problem for any key that is not usable now. */
    Caller authenticate(String token, String remoteAddress) {
        if (bootstrapKey.isPresent() && MessageDigest.isEqual(bootstrapKey.get().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return bootstrapCaller(remoteAddress).orElseThrow();
        }
        String prefix = ApiKeyMaterial.prefixOf(token);
        ApiKeyRepository.Found key = prefix == null ? null : keys.findByPrefix(prefix);
        if (key == null || !ApiKeyMaterial.matches(token, key.secretHash())) {
            throw AuthenticationFilter.unauthenticated("The bearer key is not a valid Shukei key");
        }
        if (!key.usableAt(now())) {
            throw AuthenticationFilter.unauthenticated(key.revokedAt() != null ? "The key was revoked" : "The key has expired");
        }
        return new Caller("API_KEY", String.valueOf(key.id()), key.name(), key.role(), key.unitId(), key.scopePath(), remoteAddress);
    }

    /** The caller a stored key stands for now, if it is still usable (a page session follows its key). */
    Optional<Caller> callerOfKey(long keyId, String remoteAddress) {
        return Optional.ofNullable(keys.findUsableById(keyId, now()))
                .map(key -> new Caller("API_KEY", String.valueOf(key.id()), key.name(), key.role(), key.unitId(),
                        key.scopePath(), remoteAddress));
    }

    /** The bootstrap admin, while its key is configured. */
    Optional<Caller> bootstrapCaller(String remoteAddress) {
        return bootstrapKey.map(k -> new Caller("BOOTSTRAP", "bootstrap", "bootstrap admin key", Role.ADMIN, null, null,
                remoteAddress));
    }

    @Transactional
    ApiKeyResponse create(ApiKeyRequests.Create request) {
        long unitId = request.unitId();
        String path = unitPath(unitId);
        access.requireVisible(path, "Unit", request.unitId());
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now())) {
            throw ProblemException.invalid("expiresAt", "must be in the future");
        }
        ApiKeyMaterial.Generated material = ApiKeyMaterial.generate();
        ApiKey key = newKey(request.name().strip(), request.role(), unitId, material);
        key.expiresAt = request.expiresAt();
        keys.persist(key);
        audit.record("api-key.created", "api-key", key.id, unitId, path, null, null);
        return ApiKeyResponse.of(key, material.key());
    }

    Page<ApiKeyResponse> list(PageParams paging) {
        Caller caller = access.caller();
        List<ApiKeyResponse> items = keys.inScope(caller.global(), access.scopePrefix(),
                        io.quarkus.panache.common.Page.of(paging.page, paging.size))
                .stream().map(k -> ApiKeyResponse.of(k, null)).toList();
        return Page.of(items, paging, keys.countInScope(caller.global(), access.scopePrefix()));
    }

    @Transactional
    void revoke(long id) {
        ApiKey key = keys.findById(id);
        String path = key == null || key.unitId == null ? null : unitPath(key.unitId);
        if (key == null) {
            throw ProblemException.notFound("API key", id);
        }
        if (path == null ? !access.caller().global() : !access.canSee(path)) {
            throw ProblemException.notFound("API key", id);
        }
        if (key.revokedAt == null) {
            key.revokedAt = now();
            audit.record("api-key.revoked", "api-key", key.id, key.unitId, path, null, null);
        }
    }

    /**
     * Creates the first global admin key and writes it to a file only its owner can read; used once,
     * when an embedded database starts empty and no bootstrap key is configured.
     */
    @Transactional
    Optional<Path> createInitialAdminKey(Path file) throws IOException {
        if (keys.anyGlobalAdmin() || Files.exists(file)) {
            return Optional.empty();
        }
        ApiKeyMaterial.Generated material = ApiKeyMaterial.generate();
        ApiKey key = newKey("initial admin key", Role.ADMIN, null, material);
        keys.persist(key);
        audit.record("api-key.created", "api-key", key.id, null, null, null, null);
        Files.createDirectories(file.getParent());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, material.key() + System.lineSeparator(), StandardOpenOption.TRUNCATE_EXISTING);
        return Optional.of(file);
    }

    /** The path of the unit a key is (to be) bound to; 404 when there is no such unit. */
    private String unitPath(long unitId) {
        return unitPaths.find(unitId).orElseThrow(() -> ProblemException.notFound("Unit", unitId));
    }

    private ApiKey newKey(String name, Role role, Long unitId, ApiKeyMaterial.Generated material) {
        ApiKey key = new ApiKey();
        key.name = name;
        key.role = role;
        key.unitId = unitId;
        key.prefix = material.prefix();
        key.secretHash = material.hash();
        Caller creator = access.caller();
        key.createdBy = creator.actorType() + ":" + creator.actorId();
        key.createdAt = now();
        return key;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
