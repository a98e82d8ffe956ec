-- AlterTable
ALTER TABLE "reservations" ADD COLUMN     "commentId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "reservations_commentId_key" ON "reservations"("commentId");
