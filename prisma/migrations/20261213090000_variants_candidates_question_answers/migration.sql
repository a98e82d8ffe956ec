-- AlterTable
ALTER TABLE "comments" ADD COLUMN     "candidates" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "products" ADD COLUMN     "variantInferred" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "stores" ADD COLUMN     "questionAnswers" TEXT NOT NULL DEFAULT 'public';
