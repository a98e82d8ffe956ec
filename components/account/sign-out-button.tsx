"use client";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";

export function SignOutButton({ label }: { label: string }) {
  return <Button type="button" variant="ghost" className="self-start" onClick={() => signOut({ callbackUrl: "/login" })}>{label}</Button>;
}
