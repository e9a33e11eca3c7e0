-- A file carried from an outline into its full proposal is a second StoredFile row naming the same
-- stored bytes, so a storage key is no longer unique; deleting a row looks the key up to learn
-- whether another row still needs the bytes.
DROP INDEX "StoredFile_storageKey_key";
CREATE INDEX "StoredFile_storageKey_idx" ON "StoredFile"("storageKey");
