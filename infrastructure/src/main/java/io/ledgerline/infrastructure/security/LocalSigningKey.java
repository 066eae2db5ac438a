package io.ledgerline.infrastructure.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The RSA key pair of the local token issuer, kept in one file so that every app on this machine
 * (and every test) signs and checks tokens with the same key. Created on first use. The file is a
 * development secret: never use local mode in production.
 */
public final class LocalSigningKey {

    private static final Map<Path, KeyPair> CACHE = new ConcurrentHashMap<>();

    private LocalSigningKey() {
    }

    public static KeyPair of(Path file) {
        return CACHE.computeIfAbsent(file.toAbsolutePath().normalize(), LocalSigningKey::loadOrCreate);
    }

    public static RSAPublicKey publicKey(Path file) {
        return (RSAPublicKey) of(file).getPublic();
    }

    public static RSAPrivateKey privateKey(Path file) {
        return (RSAPrivateKey) of(file).getPrivate();
    }

    private static KeyPair loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new KeyPair(
                    rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(0)))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(1)))));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the local signing key " + file, e);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("The local signing key " + file + " is unreadable; delete it to get a new one", e);
        }
    }

    /** Writes a new key pair; if another process wins the race, its file is kept. */
    private static void create(Path file) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String content = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n"
                + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n";
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "signing-key", ".tmp");
        Files.writeString(temporary, content, StandardCharsets.US_ASCII);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temporary);
        }
    }
}
