-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "pendingRender" TEXT;

